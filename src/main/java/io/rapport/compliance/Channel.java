package io.rapport.compliance;

/**
 * The way a contact reaches the consumer, as named in the evaluation contract.
 * <p>
 * {@link #CALL} is a live call placed by an agent; {@link #PRERECORDED_CALL} covers calls with a
 * prerecorded or artificial voice and calls placed by an autodialer; {@link #VOICEMAIL} is a call
 * that leaves a message on the consumer's voicemail. {@link #CREDIT_REPORT} is furnishing
 * information about a debt to a consumer reporting agency.
 */
public enum Channel {
    CALL, PRERECORDED_CALL, VOICEMAIL, SMS, EMAIL, LETTER, CREDIT_REPORT;

    /** A telephone call of any kind: these are the attempts Regulation F counts. */
    public boolean isTelephone() {
        return this == CALL || this == PRERECORDED_CALL || this == VOICEMAIL;
    }

    /** Email and text messages: they must carry an opt-out instruction (1006.6(e)). */
    public boolean isElectronic() {
        return this == EMAIL || this == SMS;
    }

    /** Addressed to a phone number (calls and texts). */
    public boolean usesPhoneNumber() {
        return isTelephone() || this == SMS;
    }

    /** Whether a contact on this channel reaches the consumer (credit reporting does not). */
    public boolean reachesConsumer() {
        return this != CREDIT_REPORT;
    }

    /** Whether a proposal on this channel is expected to carry its rendered text. */
    public boolean carriesRenderedContent() {
        return this == EMAIL || this == SMS || this == LETTER || this == VOICEMAIL || this == PRERECORDED_CALL;
    }

    /** Two channels an opt-out treats as one: every kind of call is the telephone. */
    public boolean sameFamilyAs(Channel other) {
        return this == other || (isTelephone() && other != null && other.isTelephone());
    }
}
