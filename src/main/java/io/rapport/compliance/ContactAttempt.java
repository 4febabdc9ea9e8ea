package io.rapport.compliance;

import java.time.Instant;
import java.util.List;

/**
 * One earlier contact in the consumer's history.
 *
 * @param to      the consumer's phone number or address involved: the one we contacted, or for an
 *                inbound contact the one the consumer used
 * @param debtIds the debts it was about; empty means unknown, counted for every debt
 * @param content for inbound texts and emails, what the consumer wrote (optional, an extension of
 *                the contract's history entry): revocation words in it are honored at once
 */
public record ContactAttempt(Instant at, Channel channel, Direction direction, String to, List<String> debtIds,
                             Outcome outcome, String content) {

    public ContactAttempt {
        debtIds = debtIds == null ? List.of() : List.copyOf(debtIds);
    }

    /** An attempt without recorded content, as in the contract's history entry. */
    public ContactAttempt(Instant at, Channel channel, Direction direction, String to, List<String> debtIds,
                          Outcome outcome) {
        this(at, channel, direction, to, debtIds, outcome, null);
    }

    /**
     * Whether the attempt communicated with the consumer: a conversation, or a letter, email, text or prerecorded
     * message we sent. Unanswered calls and voicemails (limited content) are not communications.
     */
    public boolean isCommunication() {
        return outcome == Outcome.CONVERSATION
                || (direction != Direction.INBOUND && (outcome == Outcome.SENT || outcome == Outcome.DELIVERED));
    }

    /** Whether the attempt concerned the debt; an attempt about unknown debts concerns every debt. */
    public boolean concerns(String debtId) {
        return debtIds.isEmpty() || debtId == null || debtIds.contains(debtId);
    }
}
