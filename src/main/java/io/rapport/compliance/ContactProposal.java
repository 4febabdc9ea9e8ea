package io.rapport.compliance;

import java.time.Instant;
import java.util.List;

/**
 * A contact someone wants to make, with every fact the gate needs to decide it. Field names are
 * those of the JSON request of {@code POST /api/v1/compliance/evaluate}, so the request binds
 * straight onto this record. Fields not needed may be null; a rule that lacks a fact it needs
 * takes the conservative reading and says so.
 *
 * @param at       the instant the contact would happen (UTC)
 * @param channel  how it would reach the consumer
 * @param to       the phone number or email address contacted (may be null for letters and credit reports)
 * @param purpose  why the contact is made
 * @param debtIds  the debts the contact is about; empty means every debt in {@code debts}
 * @param content  the rendered text of the message, when there is one
 * @param consumer what we know about the consumer
 * @param debts    what we know about each debt
 * @param history  earlier contacts, inbound and outbound; entries after {@code at} are ignored
 */
public record ContactProposal(Instant at, Channel channel, String to, Purpose purpose, List<String> debtIds,
                              String content, ConsumerFacts consumer, List<DebtFacts> debts,
                              List<ContactAttempt> history) {

    public ContactProposal {
        debtIds = debtIds == null ? List.of() : List.copyOf(debtIds);
        consumer = consumer == null ? ConsumerFacts.unknown() : consumer;
        debts = debts == null ? List.of() : List.copyOf(debts);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The same proposal at another instant: how the gate looks for the earliest allowed time. */
    public ContactProposal at(Instant other) {
        return new ContactProposal(other, channel, to, purpose, debtIds, content, consumer, debts, history);
    }
}
