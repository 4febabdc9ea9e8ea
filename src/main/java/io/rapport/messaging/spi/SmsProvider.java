package io.rapport.messaging.spi;

/**
 * Hands a text message to a carrier network. Exactly one provider is active, chosen by {@code rapport.sms.provider}.
 * Providers report delivery later through {@link io.rapport.messaging.SmsDeliveryReports}; a send that throws
 * {@link SmsProviderFailure} is marked failed and never reported as sent.
 */
public interface SmsProvider {

    /** @return the provider's own reference for the message, used to match delivery reports */
    String send(OutgoingSms sms) throws SmsProviderFailure;

    /** The name operators choose the provider by, e.g. {@code sandbox}. */
    String name();
}
