package io.rapport.compliance;

import io.rapport.accounts.AccountId;
import io.rapport.messaging.ApprovedContact;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.MessageSending;
import io.rapport.messaging.MessageTemplates;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.messaging.TemplateId;
import io.rapport.platform.Actor;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a message reaches a consumer: the template is rendered for the account, the gate
 * decides on the rendered text with the account's facts, and only an allowed contact is handed
 * to messaging, with the decision. Allowed or blocked, the decision is kept; an allowed send goes
 * into the contact ledger. The same idempotency key answers the first outcome and sends nothing.
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

    private final ContactDecisions decisions;
    private final ContactLedger ledger;
    private final MessageTemplates templates;
    private final MessageSending sending;
    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    Outreach(ContactDecisions decisions, ContactLedger ledger, MessageTemplates templates, MessageSending sending,
            JdbcClient jdbc, ConsumerDataCipher cipher, JsonMapper json, Clock clock) {
        this.decisions = decisions;
        this.ledger = ledger;
        this.templates = templates;
        this.sending = sending;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Result send(Actor by, Request request) {
        if (request.idempotencyKey() == null || request.idempotencyKey().isBlank() || request.idempotencyKey().length() > 200) {
            throw InvalidRequest.of("idempotencyKey", "is required (at most 200 characters): one key per intended message");
        }
        Optional<Result> earlier = earlier(by, request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var preview = templates.preview(by.tenantId(), request.template(), request.account(), request.payment());
        Channel channel = Channel.valueOf(preview.channel().name());
        Instant now = clock.instant();
        String content = preview.subject() == null ? preview.text() : preview.subject() + "\n" + preview.text();
        GateDecision decision = decisions.decide(by.tenantId(), request.account(), channel, request.address(),
                request.purpose() == null ? Purpose.COLLECTION : request.purpose(), content, now);
        UUID decisionId = Ids.next();
        MessageId messageId = null;
        if (decision.decision() == Decision.ALLOW) {
            messageId = sending.send(new ApprovedContact(decisionId, by.tenantId(), request.account(), preview.channel(),
                    request.address(), request.idempotencyKey(), now), request.template(), request.payment(), request.campaignId());
            ledger.record(by, request.account().value(), new ContactAttempt(now, channel, Direction.OUTBOUND, request.address(),
                    List.of(), Outcome.SENT), decision);
        }
        jdbc.sql("""
                insert into contact_decision (id, tenant_id, account_id, at, channel, address_enc, allowed, rules, decision,
                    message_id, idempotency_key, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decisionId, by.tenantId().value(), request.account().value(), Timestamp.from(now), channel.name(),
                        cipher.encrypt(by.tenantId(), ADDRESS, request.address()), decision.decision() == Decision.ALLOW,
                        String.join(",", decision.reasons().stream().map(Reason::rule).toList()),
                        json.writeValueAsString(decision), messageId == null ? null : messageId.value(),
                        request.idempotencyKey(), by.label())
                .update();
        return new Result(decisionId, decision, messageId);
    }

    private Optional<Result> earlier(Actor by, String idempotencyKey) {
        return jdbc.sql("select id, decision, message_id from contact_decision where tenant_id = ? and idempotency_key = ?")
                .params(by.tenantId().value(), idempotencyKey)
                .query((rs, n) -> new Result(rs.getObject("id", UUID.class),
                        json.readValue(rs.getString("decision"), GateDecision.class),
                        rs.getObject("message_id") == null ? null : new MessageId(rs.getObject("message_id", UUID.class))))
                .optional();
    }
}
