package io.rapport.campaigns;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.AccountStatus;
import io.rapport.accounts.Accounts;
import io.rapport.compliance.GateDecision;
import io.rapport.compliance.Outreach;
import io.rapport.compliance.Purpose;
import io.rapport.consent.Preferences;
import io.rapport.messaging.Channel;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.messaging.TemplateId;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.DeferredInserts;
import io.rapport.platform.FreshKeys;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.Money;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import io.rapport.platform.TransactionMemo;
import io.rapport.platform.SqlIn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payment requests: creating one (with its portal link) and sending it on channels, each send proposed to the contact
 * gate through {@link Outreach}, so nothing reaches a consumer around the gate. Creating with a source key, or
 * sending with the same idempotency key, twice does the work once.
 */
@Service
public class PaymentRequests {

    static final String LINK = "payment-link";
    private static final String SOURCE_KEY = "payment-request-source-key";
    private static final List<String> REQUEST_COLUMNS = List.of("id", "tenant_id", "account_id", "amount_minor", "currency",
            "expires_at", "allow_plans", "settlement_amount_minor", "settlement_valid_until", "status", "link_hash", "link_enc",
            "reminder_due_at", "reminder_state", "source_key", "created_at", "created_by", "updated_at");
    private static final List<String> SEND_COLUMNS = List.of("id", "tenant_id", "payment_request_id", "occasion", "channel",
            "allowed", "decision_id", "decision", "message_id", "at");
    private static final Duration SHORTEST_VALIDITY = Duration.ofHours(1);
    private static final Duration LONGEST_VALIDITY = Duration.ofDays(180);

    private final Accounts accounts;
    private final Outreach outreach;
    private final PaymentRequestTemplates templates;
    private final PaymentLinks links;
    private final Preferences preferences;
    private final AccountHistory history;
    private final AuditLog audit;
    private final ConsumerDataCipher cipher;
    private final JdbcClient jdbc;
    private final DeferredInserts deferred;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration defaultValidity;
    private final Duration reminderBefore;

    PaymentRequests(Accounts accounts, Outreach outreach, PaymentRequestTemplates templates, PaymentLinks links, Preferences preferences,
            AccountHistory history, AuditLog audit, ConsumerDataCipher cipher, JdbcClient jdbc, DeferredInserts deferred, JsonMapper json,
            ApplicationEventPublisher events, Clock clock,
            @Value("${rapport.payment-requests.default-validity:P14D}") Duration defaultValidity,
            @Value("${rapport.payment-requests.reminder-before:PT24H}") Duration reminderBefore) {
        this.accounts = accounts;
        this.outreach = outreach;
        this.templates = templates;
        this.links = links;
        this.preferences = preferences;
        this.history = history;
        this.audit = audit;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.json = json;
        this.events = events;
        this.clock = clock;
        this.defaultValidity = defaultValidity;
        this.reminderBefore = reminderBefore;
    }

    /** Creates the request and its link, then sends it on each chosen channel the gate allows now. */
    @Transactional
    public PaymentRequest create(Actor by, NewPaymentRequest request) {
        if (request.account() == null) {
            throw InvalidRequest.of("accountId", "is required");
        }
        if (request.sourceKey() != null) {
            Optional<PaymentRequestId> existing = bySourceKey(by.tenantId(), request.sourceKey());
            if (existing.isPresent()) {
                return find(by.tenantId(), existing.get()).orElseThrow();
            }
        }
        AccountDetails account = accounts.find(by.tenantId(), request.account())
                .orElseThrow(() -> new NotFound("account", request.account()));
        Instant now = clock.instant();
        Money amount = request.amount() == null ? account.balance() : request.amount();
        Instant expiresAt = request.expiresAt() == null ? now.plus(defaultValidity) : request.expiresAt();
        List<Channel> channels = request.channels() == null ? List.of(preferredChannel(by.tenantId(), account))
                : List.copyOf(new LinkedHashSet<>(request.channels()));
        Checked checked = check(account, amount, expiresAt, request.settlementOffer(), channels, now);
        if (!checked.errors().isEmpty()) {
            throw new InvalidRequest(checked.errors());
        }
        List<ChannelChoice.Target> targets = checked.targets();

        PaymentRequestId id = new PaymentRequestId(Ids.next());
        String token = links.newToken();
        Instant reminderDue = expiresAt.minus(reminderBefore);
        boolean remind = reminderDue.isAfter(now);
        PaymentRequest.SettlementOffer offer = request.settlementOffer();
        UUID campaign = request.campaign() == null ? id.value() : request.campaign();
        PaymentRequestDetails details = details(amount, links.url(token), expiresAt, offer, request.rowFields());
        List<PaymentRequest.Send> sends = new ArrayList<>();
        for (ChannelChoice.Target target : targets) {
            TemplateId template = templates.forRequest(by.tenantId(), account, target.channel(), request.template())
                    .orElseThrow(() -> InvalidRequest.of("template", "the creditor has no " + target.channel()
                            + " template named '" + request.template() + "'"));
            String key = "payment-request:" + id + ":created:" + target.channel();
            // The key holds the new request's id: nothing can have used it, so the layers below need not look it up.
            FreshKeys.declare(by.tenantId(), key);
            sends.add(propose(by, account.id(), target, template, details, campaign, PaymentRequest.Occasion.CREATED, key));
        }
        // Written once the sends are decided, with the status they add up to; the messages leave after the commit.
        PaymentRequestStatus status = statusAfter(sends);
        // In a batch the row is written at commit (nothing in the batch reads it back; its source key is remembered).
        deferred.insertFirst("payment_request", REQUEST_COLUMNS, id.value(), by.tenantId().value(), account.id().value(),
                amount.amount(), amount.currency(), Timestamp.from(expiresAt), request.allowPlans(),
                offer == null ? null : offer.amount().amount(), offer == null ? null : offer.validUntil(), status.name(),
                PaymentLinks.hash(token), cipher.encrypt(by.tenantId(), LINK, token), remind ? Timestamp.from(reminderDue) : null,
                (remind ? PaymentRequest.ReminderState.PENDING : PaymentRequest.ReminderState.SKIPPED).name(),
                request.sourceKey(), Timestamp.from(now), by.label(), Timestamp.from(now));
        if (request.sourceKey() != null) {
            TransactionMemo.put(SOURCE_KEY, List.of(by.tenantId(), request.sourceKey()), Optional.of(id));
        }
        sends.forEach(send -> record(by, id, send));
        history.record(by, account.id(), "payment-request.created", "Payment request for " + amount
                + ", link valid until " + expiresAt + ": " + describe(sends));
        audit.record(by, "payment-request.created", "PaymentRequest", id.value(), null, Map.of("amount", amount.amount(),
                "currency", amount.currency(), "expiresAt", expiresAt.toString(), "status", status.name()));
        events.publishEvent(new PaymentRequestCreated(by.tenantId(), id, account.id(), amount, expiresAt, status));
        // As stored (the database keeps microseconds), without reading back what was just written.
        return new Stored(by.tenantId(), id, account.id(), amount, expiresAt.truncatedTo(ChronoUnit.MICROS), request.allowPlans(),
                offer, status, token, new PaymentRequest.Reminder(remind ? reminderDue.truncatedTo(ChronoUnit.MICROS) : null,
                        remind ? PaymentRequest.ReminderState.PENDING : PaymentRequest.ReminderState.SKIPPED),
                now.truncatedTo(ChronoUnit.MICROS), by.label()).toRequest(links, sends);
    }

    /**
     * Sends an open request now on the given channels, e.g. by text while an agent is on the phone with the consumer.
     * The same idempotency key sends nothing again.
     */
    @Transactional
    public PaymentRequest sendNow(Actor by, PaymentRequestId id, List<Channel> channels, String idempotencyKey) {
        if (channels == null || channels.isEmpty()) {
            throw InvalidRequest.of("channels", "name at least one channel: EMAIL, SMS or LETTER");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidRequest.of("Idempotency-Key", "header is required when sending a message");
        }
        Stored stored = stored(by.tenantId(), id).orElseThrow(() -> new NotFound("payment request", id));
        Instant now = clock.instant();
        if (!stored.status().isOpen() || !stored.expiresAt().isAfter(now)) {
            throw InvalidRequest.of("id", "the payment request is " + (stored.status().isOpen() ? "expired" : stored.status().name().toLowerCase())
                    + "; create a new one");
        }
        AccountDetails account = accounts.find(by.tenantId(), stored.account()).orElseThrow();
        Checked checked = targets(account, List.copyOf(new LinkedHashSet<>(channels)));
        if (!checked.errors().isEmpty()) {
            throw new InvalidRequest(checked.errors());
        }
        List<ChannelChoice.Target> targets = checked.targets();
        for (ChannelChoice.Target target : targets) {
            TemplateId template = templates.templateFor(by.tenantId(), account.creditor().id(), target.channel(),
                    account.consumer().language(), PaymentRequestTemplates.Purpose.REQUEST);
            send(by, id, account.id(), target, template, stored.details(links), id.value(), PaymentRequest.Occasion.AGENT,
                    "payment-request:" + id + ":agent:" + target.channel() + ":" + idempotencyKey.trim());
        }
        PaymentRequest updated = find(by.tenantId(), id).orElseThrow();
        PaymentRequestStatus status = statusAfter(updated.sends());
        if (status != updated.status()) {
            setStatus(by.tenantId(), id, status, now);
        }
        history.record(by, account.id(), "payment-request.sent", "Payment link sent by " + by.label() + ": "
                + describe(updated.sends().subList(updated.sends().size() - targets.size(), updated.sends().size())));
        return find(by.tenantId(), id).orElseThrow();
    }

    public Optional<PaymentRequest> find(TenantId tenant, PaymentRequestId id) {
        return stored(tenant, id).map(stored -> stored.toRequest(links, sends(tenant, id)));
    }

    /** The account's requests, newest first. */
    public List<PaymentRequest> forAccount(TenantId tenant, AccountId account) {
        accounts.require(tenant, account);
        return jdbc.sql("select * from payment_request where tenant_id = ? and account_id = ? order by created_at desc, id desc")
                .params(tenant.value(), account.value())
                .query(this::stored).list().stream()
                .map(stored -> stored.toRequest(links, sends(tenant, stored.id()))).toList();
    }

    /** What a consumer's link opens: whose request it is and whether it can still be paid; nothing about the debt. */
    public record LinkView(TenantId tenant, PaymentRequestId id, UUID creditorId, String language, PaymentRequestStatus status,
            Instant expiresAt) {

        public boolean isPayable(Instant now) {
            return status.isOpen() && expiresAt.isAfter(now);
        }
    }

    /** The request a link belongs to, if the token is one of ours. */
    public Optional<LinkView> byLink(String token) {
        if (!PaymentLinks.looksLikeToken(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select tenant_id, id from payment_request where link_hash = ?")
                .param(PaymentLinks.hash(token))
                .query((rs, n) -> stored(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new PaymentRequestId(rs.getObject("id", UUID.class))))
                .optional().flatMap(found -> found)
                .map(stored -> {
                    AccountDetails account = accounts.find(stored.tenant(), stored.account()).orElseThrow();
                    return new LinkView(stored.tenant(), stored.id(), account.creditor().id(), account.consumer().language(),
                            stored.status(), stored.expiresAt());
                });
    }

    // --- used by the jobs and the portal link ---------------------------------------------------------------

    /** Proposes the request's message to the gate on one channel, sending it if allowed, and records the send. */
    PaymentRequest.Send send(Actor by, PaymentRequestId id, AccountId account, ChannelChoice.Target target,
            TemplateId template, PaymentRequestDetails details, UUID campaign, PaymentRequest.Occasion occasion,
            String idempotencyKey) {
        PaymentRequest.Send send = propose(by, account, target, template, details, campaign, occasion, idempotencyKey);
        record(by, id, send);
        return send;
    }

    private PaymentRequest.Send propose(Actor by, AccountId account, ChannelChoice.Target target, TemplateId template,
            PaymentRequestDetails details, UUID campaign, PaymentRequest.Occasion occasion, String idempotencyKey) {
        Outreach.Result result = outreach.send(by, new Outreach.Request(account, template, target.address(),
                Purpose.COLLECTION, details, campaign, idempotencyKey));
        return new PaymentRequest.Send(occasion, target.channel(), result.decision().isAllowed(), result.decisionId(),
                result.decision(), result.messageId() == null ? null : result.messageId().value(), clock.instant());
    }

    private void record(Actor by, PaymentRequestId id, PaymentRequest.Send send) {
        deferred.insert("payment_request_send", SEND_COLUMNS, Ids.next(), by.tenantId().value(), id.value(),
                send.occasion().name(), send.channel().name(), send.allowed(), send.decisionId(), json.writeValueAsString(send.decision()),
                send.messageId(), Timestamp.from(send.at()));
    }

    Optional<Stored> stored(TenantId tenant, PaymentRequestId id) {
        return jdbc.sql("select * from payment_request where tenant_id = ? and id = ?").params(tenant.value(), id.value())
                .query(this::stored).optional();
    }

    void setStatus(TenantId tenant, PaymentRequestId id, PaymentRequestStatus status, Instant at) {
        jdbc.sql("update payment_request set status = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(status.name(), Timestamp.from(at), tenant.value(), id.value()).update();
    }

    static PaymentRequestDetails details(Money amount, String link, Instant expiresAt, PaymentRequest.SettlementOffer offer,
            Map<String, String> rowFields) {
        return new PaymentRequestDetails(amount, link, expiresAt,
                offer == null ? null : new PaymentRequestDetails.SettlementOffer(offer.amount(), offer.validUntil()), rowFields);
    }

    static String describe(List<PaymentRequest.Send> sends) {
        if (sends.isEmpty()) {
            return "link created without sending";
        }
        List<String> parts = new ArrayList<>();
        for (PaymentRequest.Send send : sends) {
            parts.add(send.allowed() ? "sent by " + send.channel().name().toLowerCase()
                    : send.channel().name().toLowerCase() + " blocked ("
                            + String.join(", ", send.decision().reasons().stream().map(reason -> reason.rule()).toList()) + ")");
        }
        return String.join("; ", parts);
    }

    /** What the request's own sends (not the reminder) add up to. */
    static PaymentRequestStatus statusAfter(List<PaymentRequest.Send> sends) {
        Map<Channel, Boolean> latest = new LinkedHashMap<>();
        for (PaymentRequest.Send send : sends) {
            if (send.occasion() != PaymentRequest.Occasion.REMINDER) {
                latest.merge(send.channel(), send.allowed(), Boolean::logicalOr);
            }
        }
        if (latest.isEmpty()) {
            return PaymentRequestStatus.CREATED;
        }
        long allowed = latest.values().stream().filter(Boolean::booleanValue).count();
        return allowed == latest.size() ? PaymentRequestStatus.SENT
                : allowed == 0 ? PaymentRequestStatus.BLOCKED : PaymentRequestStatus.PARTLY_SENT;
    }

    /** The targets of a request, or every problem with it, each named by its field (a bulk send maps them to columns). */
    record Checked(List<ChannelChoice.Target> targets, List<InvalidRequest.FieldError> errors) {
    }

    Checked check(AccountDetails account, Money amount, Instant expiresAt, PaymentRequest.SettlementOffer offer,
            List<Channel> channels, Instant now) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        String currency = account.balance().currency();
        if (amount.amount() <= 0) {
            errors.add(new InvalidRequest.FieldError("amount.amount", "must be more than zero"));
        } else if (!amount.currency().equals(currency)) {
            errors.add(new InvalidRequest.FieldError("amount.currency", "must be the account's currency, " + currency));
        } else if (amount.amount() > account.balance().amount()) {
            errors.add(new InvalidRequest.FieldError("amount.amount", "is more than the account's balance of " + account.balance()));
        }
        if (!expiresAt.isAfter(now.plus(SHORTEST_VALIDITY))) {
            errors.add(new InvalidRequest.FieldError("expiresAt", "must be at least an hour from now"));
        } else if (expiresAt.isAfter(now.plus(LONGEST_VALIDITY))) {
            errors.add(new InvalidRequest.FieldError("expiresAt", "must be within 180 days"));
        }
        if (offer != null) {
            if (offer.amount() == null || offer.amount().amount() <= 0 || offer.amount().amount() >= amount.amount()) {
                errors.add(new InvalidRequest.FieldError("settlementOffer.amount", "must be more than zero and less than the amount asked"));
            } else if (!offer.amount().currency().equals(amount.currency())) {
                errors.add(new InvalidRequest.FieldError("settlementOffer.amount.currency", "must be " + amount.currency()));
            }
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (offer.validUntil() == null || offer.validUntil().isBefore(today)
                    || offer.validUntil().isAfter(LocalDate.ofInstant(expiresAt, ZoneOffset.UTC))) {
                errors.add(new InvalidRequest.FieldError("settlementOffer.validUntil", "must be a date from today until the request expires"));
            }
        }
        if (account.status() == AccountStatus.PAID || account.status() == AccountStatus.CLOSED) {
            // Holds and disputes do not stop a link being created (the consumer may ask to pay); the gate decides sends.
            errors.add(new InvalidRequest.FieldError("accountId", "the account is " + account.status().name().toLowerCase()));
        }
        Checked targets = targets(account, channels);
        errors.addAll(targets.errors());
        return new Checked(targets.targets(), errors);
    }

    private Checked targets(AccountDetails account, List<Channel> channels) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        List<ChannelChoice.Target> targets = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            if (channel == null) {
                errors.add(new InvalidRequest.FieldError("channels[" + i + "]", "must be EMAIL, SMS or LETTER"));
                continue;
            }
            Optional<ChannelChoice.Target> target = ChannelChoice.target(account, channel);
            if (target.isEmpty()) {
                errors.add(new InvalidRequest.FieldError("channels[" + i + "]", "the consumer has no "
                        + (channel == Channel.LETTER ? "mailing address" : channel == Channel.SMS ? "phone number" : "personal email address")
                        + " to send to"));
            } else {
                targets.add(target.get());
            }
        }
        return new Checked(targets, errors);
    }

    /** What the consumer told us they prefer, if anything. */
    Channel preferredChannel(TenantId tenant, AccountDetails account) {
        return ChannelChoice.preferred(account, preferences.of(tenant, account.id().value()).map(Preferences.Preference::preferredChannel));
    }

    private Optional<PaymentRequestId> bySourceKey(TenantId tenant, String sourceKey) {
        return TransactionMemo.get(SOURCE_KEY, List.of(tenant, sourceKey),
                () -> jdbc.sql("select id from payment_request where tenant_id = ? and source_key = ?")
                        .params(tenant.value(), sourceKey).query((rs, n) -> new PaymentRequestId(rs.getObject("id", UUID.class)))
                        .optional());
    }

    /**
     * For a batch about to create requests for these accounts with these source keys in one transaction whose
     * {@link TransactionMemo} is open: reads the accounts, what the gate needs about them (when it will be asked) and
     * which source keys exist, with a few queries for the whole batch instead of each again for every request.
     */
    void prepare(TenantId tenant, List<AccountId> accountIds, List<String> sourceKeys, boolean gated) {
        accounts.preload(tenant, accountIds);
        if (gated) {
            outreach.prepare(tenant, accountIds, clock.instant());
        }
        preloadSourceKeys(tenant, sourceKeys);
    }

    private void preloadSourceKeys(TenantId tenant, List<String> sourceKeys) {
        if (sourceKeys.isEmpty()) {
            return;
        }
        Map<String, PaymentRequestId> found = new java.util.HashMap<>();
        jdbc.sql("select source_key, id from payment_request where tenant_id = ? and source_key in ("
                        + SqlIn.placeholders(sourceKeys) + ")")
                .params(SqlIn.params(sourceKeys, tenant.value()))
                .query((rs, n) -> found.put(rs.getString("source_key"), new PaymentRequestId(rs.getObject("id", UUID.class))))
                .list();
        for (String key : sourceKeys) {
            TransactionMemo.put(SOURCE_KEY, List.of(tenant, key), Optional.ofNullable(found.get(key)));
        }
    }

    private List<PaymentRequest.Send> sends(TenantId tenant, PaymentRequestId id) {
        return jdbc.sql("select * from payment_request_send where tenant_id = ? and payment_request_id = ? order by at, id")
                .params(tenant.value(), id.value())
                .query((rs, n) -> new PaymentRequest.Send(PaymentRequest.Occasion.valueOf(rs.getString("occasion")),
                        Channel.valueOf(rs.getString("channel")), rs.getBoolean("allowed"), rs.getObject("decision_id", UUID.class),
                        json.readValue(rs.getString("decision"), GateDecision.class), rs.getObject("message_id", UUID.class),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        TenantId tenant = new TenantId(rs.getObject("tenant_id", UUID.class));
        String currency = rs.getString("currency");
        long settlement = rs.getLong("settlement_amount_minor");
        PaymentRequest.SettlementOffer offer = rs.wasNull() ? null
                : new PaymentRequest.SettlementOffer(Money.of(settlement, currency), rs.getObject("settlement_valid_until", LocalDate.class));
        Timestamp reminderDue = rs.getTimestamp("reminder_due_at");
        return new Stored(tenant, new PaymentRequestId(rs.getObject("id", UUID.class)), new AccountId(rs.getObject("account_id", UUID.class)),
                Money.of(rs.getLong("amount_minor"), currency), rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("allow_plans"),
                offer, PaymentRequestStatus.valueOf(rs.getString("status")),
                cipher.decrypt(tenant, LINK, rs.getString("link_enc")),
                new PaymentRequest.Reminder(reminderDue == null ? null : reminderDue.toInstant(),
                        PaymentRequest.ReminderState.valueOf(rs.getString("reminder_state"))),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    /** A request as stored, with its link's token decrypted for resending. */
    record Stored(TenantId tenant, PaymentRequestId id, AccountId account, Money amount, Instant expiresAt, boolean allowPlans,
            PaymentRequest.SettlementOffer offer, PaymentRequestStatus status, String token, PaymentRequest.Reminder reminder,
            Instant createdAt, String createdBy) {

        PaymentRequestDetails details(PaymentLinks links) {
            return PaymentRequests.details(amount, links.url(token), expiresAt, offer, null);
        }

        PaymentRequest toRequest(PaymentLinks links, List<PaymentRequest.Send> sends) {
            return new PaymentRequest(id, account, amount, expiresAt, allowPlans, offer, status, links.url(token), reminder,
                    createdAt, createdBy, sends);
        }
    }
}
