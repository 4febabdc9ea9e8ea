package io.rapport.compliance;

import java.time.Instant;
import java.util.List;

/**
 * What the contact gate decided about one proposal.
 *
 * @param decision            {@code ALLOW} when no rule blocks, otherwise {@code BLOCK}
 * @param earliestAllowedAt   when blocked and every blocking reason lifts with time alone, the first
 *                            instant at which the same proposal would be allowed; otherwise null
 * @param reasons             every rule that blocks, empty when allowed
 * @param warnings            rules that do not block but that a supervisor should see
 * @param requiredDisclosures statements the contact must carry
 */
public record GateDecision(Decision decision, Instant earliestAllowedAt, List<Reason> reasons,
                           List<Reason> warnings, List<Disclosure> requiredDisclosures) {

    public GateDecision {
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
        requiredDisclosures = List.copyOf(requiredDisclosures);
    }

    public boolean isAllowed() {
        return decision == Decision.ALLOW;
    }

    /** Whether the given rule id is among the blocking reasons. */
    public boolean blockedBy(String rule) {
        return reasons.stream().anyMatch(reason -> reason.rule().equals(rule));
    }
}
