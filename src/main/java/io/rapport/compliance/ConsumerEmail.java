package io.rapport.compliance;

/**
 * One of the consumer's email addresses.
 *
 * @param employerIssued the address was issued by the consumer's employer
 * @param consumerUsed   the consumer used this address to communicate with us
 */
public record ConsumerEmail(String address, boolean employerIssued, boolean consumerUsed) {
}
