package io.rapport.campaigns;

/**
 * Where a payment request stands. {@code CREATED}: the link exists and was sent on no channel (an agent reads it out);
 * {@code SENT}: every chosen channel was allowed; {@code PARTLY_SENT}: some were; {@code BLOCKED}: the gate allowed
 * none; {@code PAID} and {@code EXPIRED} are final.
 */
public enum PaymentRequestStatus {
    CREATED, SENT, PARTLY_SENT, BLOCKED, PAID, EXPIRED;

    public boolean isOpen() {
        return this != PAID && this != EXPIRED;
    }
}
