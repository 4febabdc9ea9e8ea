package io.rapport.compliance.rules;

import io.rapport.compliance.Reason;

import java.time.Instant;
import java.util.Optional;

/** What one policy says about a proposed contact. */
public sealed interface PolicyOutcome {

    /** The policy has nothing against the contact. */
    record Allowed() implements PolicyOutcome {
    }

    /**
     * The policy blocks the contact.
     *
     * @param liftsAt the first instant at which this policy would no longer block the same
     *                proposal, or null when time alone does not lift it
     */
    record Rejected(Reason reason, Instant liftsAt) implements PolicyOutcome {

        public Optional<Instant> lifting() {
            return Optional.ofNullable(liftsAt);
        }
    }

    /** The policy lets the contact pass but a supervisor should see why it hesitated. */
    record Warned(Reason reason) implements PolicyOutcome {
    }

    static PolicyOutcome allowed() {
        return new Allowed();
    }

    static PolicyOutcome rejected(String rule, String message) {
        return new Rejected(new Reason(rule, message), null);
    }

    static PolicyOutcome rejectedUntil(String rule, String message, Instant liftsAt) {
        return new Rejected(new Reason(rule, message), liftsAt);
    }

    static PolicyOutcome warned(String rule, String message) {
        return new Warned(new Reason(rule, message));
    }
}
