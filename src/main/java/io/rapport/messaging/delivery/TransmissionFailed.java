package io.rapport.messaging.delivery;

/**
 * A provider did not take a message. A transient failure is tried again with backoff; a permanent one (the consumer
 * opted out since the message was queued) fails the message at once. The reason is stored and shown: no consumer data.
 */
public class TransmissionFailed extends Exception {

    private final boolean permanent;

    private TransmissionFailed(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public static TransmissionFailed transientFailure(String reason, Throwable cause) {
        return new TransmissionFailed(reason, false, cause);
    }

    public static TransmissionFailed permanent(String reason) {
        return new TransmissionFailed(reason, true, null);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
