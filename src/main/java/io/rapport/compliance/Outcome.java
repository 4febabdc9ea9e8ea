package io.rapport.compliance;

/** What became of a contact in the history. */
public enum Outcome {
    NO_ANSWER, VOICEMAIL, BUSY, NOT_IN_SERVICE, CONVERSATION, SENT, DELIVERED, UNDELIVERABLE;

    /** Whether the attempt connected to the dialed number (busy and not-in-service did not). */
    public boolean connected() {
        return this != BUSY && this != NOT_IN_SERVICE && this != UNDELIVERABLE;
    }
}
