package io.rapport.compliance;

/** One of the consumer's phone numbers, with its kind and how we came to know it. */
public record ConsumerPhone(String number, PhoneType type, PhoneSource source) {
}
