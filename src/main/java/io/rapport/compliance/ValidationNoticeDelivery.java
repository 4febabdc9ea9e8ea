package io.rapport.compliance;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.compliance.ValidationNotices.Delivery;
import io.rapport.messaging.SystemDocument;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Conflict;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the validation notices the contact ledger scheduled (see {@link ScheduledNotice}), and any notice a person
 * sends now. Promises:
 * <ul>
 * <li>a notice goes only through {@link Outreach}, so the contact gate decides on its text like on every message
 * (purpose VALIDATION_NOTICE), and the gate's decision is kept;</li>
 * <li>by email only with the consumer's E-SIGN consent in force (ESIGN-01), otherwise as a letter in the next print
 * batch; an email the gate refuses for good goes as a letter instead;</li>
 * <li>once per debt: a sent notice is recorded with its sentOn, which sets the validation period's end (VN-03), and
 * is never sent again;</li>
 * <li>a notice whose itemization does not add up is refused and the reason recorded; one the gate blocks stays
 * scheduled with the gate's reasons and is tried again when the block lifts (or a day later);</li>
 * <li>everything sent, refused or blocked is on the account's timeline and in the audit log.</li>
 * </ul>
 */
@Service
public class ValidationNoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(ValidationNoticeDelivery.class);

    /** When a block does not lift with time alone (a cease, an attorney), the job asks the gate again a day later. */
    static final Duration RETRY_WITHOUT_TIME = Duration.ofDays(1);

    /** What became of one attempt to send a notice: the notice's record and, when the gate was asked, its decision. */
    public record Attempt(ScheduledNotice notice, GateDecision decision, UUID messageId) {

        public boolean sent() {
            return messageId != null;
        }

        public boolean refused() {
            return notice.status() == ScheduledNotice.Status.REFUSED;
        }
    }

    private final Accounts accounts;
    private final ValidationNotices notices;
    private final ValidationNoticeQueue queue;
    private final Outreach outreach;
    private final AccountHistory history;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ValidationNoticeDelivery(Accounts accounts, ValidationNotices notices, ValidationNoticeQueue queue, Outreach outreach,
            AccountHistory history, AuditLog audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.accounts = accounts;
        this.notices = notices;
        this.queue = queue;
        this.outreach = outreach;
        this.history = history;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Sends every scheduled notice that may be tried at the instant, each in its own transaction, as the job does;
     * how many were sent.
     */
    public int sendDue(Instant at) {
        int sent = 0;
        for (ValidationNoticeQueue.Scheduled due : queue.scheduled(at)) {
            Actor system = Actor.system(due.tenant(), "validation-notices");
            try {
                Attempt attempt = transactions.execute(status -> send(system, new AccountId(due.account()), due.debt(), null,
                        at));
                sent += attempt != null && attempt.sent() ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("The validation notice of debt {} could not be sent: {}", due.debt(), e.getMessage());
            }
        }
        return sent;
    }

    /**
     * Sends the debt's notice now, by the channel asked for or (null) as the consumer's consent allows.
     *
     * @throws NotFound               when the tenant has no such account, or the account no such debt
     * @throws Conflict               when the notice was already sent
     * @throws ElectronicNoticeRefused when email is asked for without the consumer's E-SIGN consent
     */
    public Attempt sendNow(Actor by, AccountId account, UUID debtId, Delivery channel) {
        return transactions.execute(status -> send(by, account, debtId, channel, clock.instant()));
    }

    /** The account's notices, scheduled, sent or refused. */
    public List<ScheduledNotice> forAccount(TenantId tenant, AccountId account) {
        accounts.require(tenant, account);
        return queue.forAccount(tenant, account.value());
    }

    private Attempt send(Actor by, AccountId account, UUID debtId, Delivery requested, Instant at) {
        TenantId tenant = by.tenantId();
        AccountDetails details = accounts.find(tenant, account).orElseThrow(() -> new NotFound("account", account));
        AccountDetails.Debt debt = details.debts().stream().filter(d -> d.id().equals(debtId)).findFirst()
                .orElseThrow(() -> new NotFound("debt", debtId));
        ScheduledNotice existing = queue.find(tenant, debtId).orElse(null);
        if (existing != null && existing.status() == ScheduledNotice.Status.SENT) {
            if (requested != null || by.kind() != Actor.Kind.SYSTEM) {
                throw new Conflict("the validation notice of debt " + debt.externalRef() + " was already sent on "
                        + existing.sentOn() + " by " + existing.channel().toLowerCase() + "; its validation period ends "
                        + existing.validationPeriodEndsOn());
            }
            return new Attempt(existing, null, null);
        }
        String email = emailAddress(details);
        Delivery delivery = requested != null ? requested
                : ValidationNotices.hasESignConsent(details) && email != null ? Delivery.EMAIL : Delivery.LETTER;
        if (delivery == Delivery.EMAIL && email == null) {
            throw InvalidRequest.of("channel", "the consumer has no email address on file: send the notice by LETTER");
        }
        Attempt attempt = attempt(by, account, debt, delivery, delivery == Delivery.EMAIL ? email : null, at);
        if (requested == null && delivery == Delivery.EMAIL && attempt.decision() != null && !attempt.sent()
                && attempt.decision().earliestAllowedAt() == null) {
            // The email is refused for good (an opt-out, an employer's address): the notice goes by mail instead.
            attempt = attempt(by, account, debt, Delivery.LETTER, null, at);
        }
        return attempt;
    }

    private Attempt attempt(Actor by, AccountId account, AccountDetails.Debt debt, Delivery delivery, String address,
            Instant at) {
        TenantId tenant = by.tenantId();
        LocalDate sentOn = LocalDate.ofInstant(at, ZoneOffset.UTC);
        SystemDocument document;
        try {
            document = notices.document(by, account, debt.id(), sentOn, delivery);
        } catch (ElectronicNoticeRefused e) {
            throw e;
        } catch (Conflict e) {
            // The itemization does not add up, or the notice lacks what it must say (a dispute address): refused.
            queue.notSent(tenant, account.value(), debt.id(), true, e.getMessage(), at.plus(RETRY_WITHOUT_TIME));
            history.record(by, account, "VALIDATION_NOTICE_REFUSED", "Validation notice for debt " + debt.externalRef()
                    + " refused: " + e.getMessage());
            audit.record(by, "validation-notice.refused", "Debt", debt.id(), null,
                    Map.of("account", account.value(), "reason", e.getMessage()));
            return new Attempt(queue.find(tenant, debt.id()).orElseThrow(), null, null);
        }
        String key = "validation-notice:" + debt.id() + ":" + delivery + ":" + at.truncatedTo(ChronoUnit.MINUTES);
        Outreach.Result result = outreach.sendDocument(by, new Outreach.DocumentRequest(account,
                io.rapport.messaging.Channel.valueOf(delivery.name()), address, Purpose.VALIDATION_NOTICE, document,
                List.of(debt.id().toString()), key), at);
        if (result.messageId() == null) {
            String reasons = result.decision().reasons().stream().map(r -> r.rule() + ": " + r.message())
                    .collect(Collectors.joining("; "));
            Instant retry = result.decision().earliestAllowedAt() != null ? result.decision().earliestAllowedAt()
                    : at.plus(RETRY_WITHOUT_TIME);
            queue.notSent(tenant, account.value(), debt.id(), false, "the contact gate blocked the " + delivery.name()
                    .toLowerCase() + " at " + at + ": " + reasons, retry);
            audit.record(by, "validation-notice.blocked", "Debt", debt.id(), null,
                    Map.of("account", account.value(), "decision", result.decisionId(), "rules",
                            result.decision().reasons().stream().map(Reason::rule).toList()));
            return new Attempt(queue.find(tenant, debt.id()).orElseThrow(), result.decision(), null);
        }
        ValidationPeriod period = ValidationNotices.periodFor(sentOn);
        ScheduledNotice before = queue.find(tenant, debt.id()).orElse(null);
        queue.sent(tenant, account.value(), debt.id(), delivery.name(), period, result.messageId().value(), result.decisionId());
        String late = before == null || before.dueOn() == null ? ""
                : new ValidationNoticeSchedule(before.firstCommunicationOn(), before.dueOn()).lateness(sentOn)
                        .map(l -> " LATE: " + l).orElse("");
        history.record(by, account, "VALIDATION_NOTICE_SENT", "Validation notice for debt " + debt.externalRef() + " sent "
                + (delivery == Delivery.EMAIL ? "by email to " + address : "as a letter for the next print batch") + " on "
                + sentOn + "; validation period ends " + period.endsOn() + late);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("account", account.value());
        after.put("channel", delivery);
        after.put("sentOn", sentOn.toString());
        after.put("validationPeriodEndsOn", period.endsOn().toString());
        after.put("message", result.messageId().value());
        after.put("decision", result.decisionId());
        audit.record(by, "validation-notice.sent", "Debt", debt.id(), null, after);
        return new Attempt(queue.find(tenant, debt.id()).orElseThrow(), result.decision(), result.messageId().value());
    }

    /** The consumer's email address for notices: one not known to be the employer's, if there is one. */
    private static String emailAddress(AccountDetails details) {
        List<AccountDetails.ContactPoint> emails = details.contactPoints().stream().filter(c -> "EMAIL".equals(c.kind())).toList();
        return emails.stream().filter(c -> !c.employerIssued()).findFirst().or(() -> emails.stream().findFirst())
                .map(AccountDetails.ContactPoint::value).orElse(null);
    }
}
