package io.rapport.campaigns;

import io.rapport.accounts.AccountId;
import io.rapport.compliance.GateDecision;
import io.rapport.messaging.Channel;
import io.rapport.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A request to a consumer to pay an amount through their own portal link before it expires.
 * Lifecycle: created (with or without sends) → each send on a channel is added with the gate's decision → one
 * reminder before expiry (itself gated) → expired when its time is up, or paid. Amount, link and expiry never change.
 *
 * @param portalUrl the consumer's link; only its holder can open the portal for this request
 * @param sends     every send on a channel, oldest first, allowed or blocked
 */
public record PaymentRequest(PaymentRequestId id, AccountId accountId, Money amount, Instant expiresAt, boolean allowPlans,
        SettlementOffer settlementOffer, PaymentRequestStatus status, String portalUrl, Reminder reminder,
        Instant createdAt, String createdBy, List<Send> sends) {

    /** A lower amount the creditor accepts in full settlement if paid by the date. */
    public record SettlementOffer(Money amount, LocalDate validUntil) {
    }

    /** The reminder before expiry: when it is due, and whether it went out. */
    public record Reminder(Instant dueAt, ReminderState state) {
    }

    /** SENDING only inside the transaction that sends it; a crash rolls it back to PENDING. */
    public enum ReminderState { PENDING, SENDING, SENT, BLOCKED, SKIPPED }

    /** Why a request was sent on a channel. */
    public enum Occasion { CREATED, AGENT, REMINDER }

    /** One send on one channel: the gate's decision, and the message when it was allowed. */
    public record Send(Occasion occasion, Channel channel, boolean allowed, UUID decisionId, GateDecision decision,
            UUID messageId, Instant at) {
    }
}
