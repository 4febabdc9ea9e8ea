package io.rapport.compliance.rules;

/**
 * One rule of the catalogue: given a proposed contact, it allows it, rejects it with a reason (and
 * the instant the rejection lifts, when time alone lifts it), or lets it pass with a warning.
 */
@FunctionalInterface
public interface ContactPolicy {

    PolicyOutcome evaluate(ProposedContact contact);
}
