package io.rapport.compliance;

import io.rapport.accounts.AccountId;
import io.rapport.messaging.ApprovedContact;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.MessageSending;
import io.rapport.messaging.MessageTemplates;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.messaging.SystemDocument;
import io.rapport.messaging.TemplateId;
import io.rapport.platform.Actor;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.DeferredInserts;
import io.rapport.platform.FreshKeys;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a message reaches a consumer: the template is rendered for the account, the gate
 * decides on the rendered text with the account's facts, and only an allowed contact is handed
 * to messaging, with the decision. Allowed or blocked, the decision is kept; an allowed send goes
 * into the contact ledger. The same idempotency key answers the first outcome and sends nothing. Documents the
 * system composes itself (validation notices) take the same path with their own text.
 */
@Service
public class Outreach {

    /** What to send: a template to an address of the account, on the template's channel. */
    public record Request(AccountId account, TemplateId template, String address, Purpose purpose,
            PaymentRequestDetails payment, UUID campaignId, String idempotencyKey) {
    }

    /** The gate's decision, and the message when it was allowed. */
    public record Result(UUID decisionId, GateDecision decision, MessageId messageId) {
    }

    private static final String ADDRESS = "contact-decision";
    private static final List<String> DECISION_COLUMNS = List.of("id", "tenant_id", "account_id", "at", "channel", "address_enc",
            "allowed", "rules", "decision", "message_id", "idempotency_key", "decided_by");

    private final ContactDecisions decisions;
    private final ContactLedger ledger;
    private final FirstCommunications firstCommunications;
    private final MessageTemplates templates;
    private final MessageSending sending;
    private final JdbcClient jdbc;
    private final DeferredInserts deferred;
    private final ConsumerDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    Outreach(ContactDecisions decisions, ContactLedger ledger, FirstCommunications firstCommunications, MessageTemplates templates, MessageSending sending,
            JdbcClient jdbc, DeferredInserts deferred, ConsumerDataCipher cipher, JsonMapper json, Clock clock) {
        this.decisions = decisions;
        this.ledger = ledger;
        this.firstCommunications = firstCommunications;
        this.templates = templates;
        this.sending = sending;
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A document the system composed itself (a validation notice) to send as it is, by letter or email: the gate
     * judges the text the consumer receives, at {@code at}, about the given debts.
     */
    public record DocumentRequest(AccountId account, io.rapport.messaging.Channel channel, String address, Purpose purpose,
            SystemDocument document, List<String> debtIds, String idempotencyKey) {
    }

    /**
     * For a batch about to send to these accounts in one transaction whose {@link io.rapport.platform.TransactionMemo}
     * is open: reads what the gate counts (their contact history) and their validation notices with one query each,
     * instead of once per message.
     */
    public void prepare(io.rapport.platform.TenantId tenant, List<AccountId> accounts, Instant at) {
        ledger.preload(tenant, accounts, at.minus(AccountContactFacts.HISTORY));
        firstCommunications.preload(tenant, accounts);
    }

    @Transactional
    public Result send(Actor by, Request request) {
        requireKey(request.idempotencyKey());
        Optional<Result> earlier = earlier(by, request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var preview = templates.preview(by.tenantId(), request.template(), request.account(), request.payment());
        String content = preview.subject() == null ? preview.text() : preview.subject() + "\n" + preview.text();
        return decideAndSend(by, request.account(), preview.channel(), request.address(), request.purpose(), content,
                List.of(), request.idempotencyKey(), clock.instant(),
                approved -> sending.send(approved, request.template(), request.payment(), request.campaignId()));
    }

    /** Sends a system document through the gate, deciding at {@code at} (the job's instant; now for a person). */
    @Transactional
    public Result sendDocument(Actor by, DocumentRequest request, Instant at) {
        requireKey(request.idempotencyKey());
        Optional<Result> earlier = earlier(by, request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        return decideAndSend(by, request.account(), request.channel(), request.address(), request.purpose(),
                request.document().textAsSent(request.channel()), request.debtIds(), request.idempotencyKey(), at,
                approved -> sending.sendDocument(approved, request.document()));
    }

    private static void requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw InvalidRequest.of("idempotencyKey", "is required (at most 200 characters): one key per intended message");
        }
    }

    private Result decideAndSend(Actor by, AccountId account, io.rapport.messaging.Channel messagingChannel, String address,
            Purpose purpose, String content, List<String> debtIds, String idempotencyKey, Instant now,
            Function<ApprovedContact, MessageId> send) {
        Channel channel = Channel.valueOf(messagingChannel.name());
        GateDecision decision = decisions.decide(by.tenantId(), account, channel, address,
                purpose == null ? Purpose.COLLECTION : purpose, content, now, debtIds);
        UUID decisionId = Ids.next();
        MessageId messageId = null;
        if (decision.decision() == Decision.ALLOW) {
            messageId = send.apply(new ApprovedContact(decisionId, by.tenantId(), account, messagingChannel, address,
                    idempotencyKey, now));
            ledger.record(by, account.value(), new ContactAttempt(now, channel, Direction.OUTBOUND, address, debtIds,
                    Outcome.SENT), decision);
        }
        // Within a batch, no row reads another's decision: each has its own idempotency key.
        deferred.insert("contact_decision", DECISION_COLUMNS, decisionId, by.tenantId().value(), account.value(),
                Timestamp.from(now), channel.name(), cipher.encrypt(by.tenantId(), ADDRESS, address),
                decision.decision() == Decision.ALLOW, String.join(",", decision.reasons().stream().map(Reason::rule).toList()),
                json.writeValueAsString(decision), messageId == null ? null : messageId.value(), idempotencyKey, by.label());
        return new Result(decisionId, decision, messageId);
    }

    private Optional<Result> earlier(Actor by, String idempotencyKey) {
        if (FreshKeys.take(by.tenantId(), "contact_decision", idempotencyKey)) {
            return Optional.empty();
        }
        return jdbc.sql("select id, decision, message_id from contact_decision where tenant_id = ? and idempotency_key = ?")
                .params(by.tenantId().value(), idempotencyKey)
                .query((rs, n) -> new Result(rs.getObject("id", UUID.class),
                        json.readValue(rs.getString("decision"), GateDecision.class),
                        rs.getObject("message_id") == null ? null : new MessageId(rs.getObject("message_id", UUID.class))))
                .optional();
    }
}
