package io.rapport.messaging.delivery;

/**
 * A provider took a message.
 *
 * @param providerRef the provider's reference (the email's Message-ID, the SMS provider's id), to match reports
 * @param detail      what the timeline says about the send, or {@code null}
 */
public record Transmission(String providerRef, String detail) {
}
