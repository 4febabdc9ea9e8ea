package io.rapport.messaging;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.accounts.Creditor;
import io.rapport.accounts.Creditors;
import io.rapport.messaging.templates.TemplateRendering;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import io.rapport.platform.TransactionMemo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's message templates, per creditor, channel and language. Every save is checked by rendering it against
 * sample data (an unknown merge field, a value some accounts lack, or an empty message is refused, naming the field)
 * and adds a new version; old versions are kept for the messages that used them.
 */
@Service
public class MessageTemplates {

    public static final Set<String> LANGUAGES = Set.of("en", "es");

    /** What an author saves. */
    public record Draft(UUID creditorId, Channel channel, String language, String name, String subject, String body) {
    }

    private final JdbcClient jdbc;
    private final TemplateRendering rendering;
    private final Creditors creditors;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ChannelLayouts layouts;
    private final Clock clock;

    MessageTemplates(JdbcClient jdbc, TemplateRendering rendering, Creditors creditors, Accounts accounts, AuditLog audit,
            ChannelLayouts layouts, Clock clock) {
        this.jdbc = jdbc;
        this.layouts = layouts;
        this.rendering = rendering;
        this.creditors = creditors;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a template at version 1. */
    @Transactional
    public MessageTemplate create(Actor by, Draft draft) {
        if (draft.creditorId() == null) {
            throw InvalidRequest.of("creditorId", "is required");
        }
        if (draft.channel() == null) {
            throw InvalidRequest.of("channel", "is required: EMAIL, SMS or LETTER");
        }
        if (draft.language() == null || !LANGUAGES.contains(draft.language())) {
            throw InvalidRequest.of("language", "must be en or es");
        }
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 100) {
            throw InvalidRequest.of("name", "is required, at most 100 characters");
        }
        creditors.find(by.tenantId(), draft.creditorId()).orElseThrow(() -> new NotFound("creditor", draft.creditorId()));
        String subject = draft.channel() == Channel.EMAIL ? draft.subject() : null;
        rendering.check(draft.channel(), subject, draft.body());
        UUID id = Ids.next();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    insert into message_template (id, tenant_id, creditor_id, channel, language, name, current_version, created_at)
                    values (?, ?, ?, ?, ?, ?, 1, ?)""")
                    .params(id, by.tenantId().value(), draft.creditorId(), draft.channel().name(), draft.language(),
                            draft.name().trim(), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw InvalidRequest.of("name", "is already used by another " + draft.channel() + " template in " + draft.language()
                    + " for this creditor; save a new version of that one instead");
        }
        insertVersion(by, id, 1, subject, draft.body(), now);
        MessageTemplate saved = version(by.tenantId(), new TemplateId(id), 1).orElseThrow();
        audit.record(by, "template.created", "MessageTemplate", id, null, Map.of("name", saved.name(), "version", 1));
        return saved;
    }

    /** Saves a new version of the template's subject and body. */
    @Transactional
    public MessageTemplate saveVersion(Actor by, TemplateId id, String subject, String body) {
        MessageTemplate current = find(by.tenantId(), id).orElseThrow(() -> new NotFound("template", id));
        String checkedSubject = current.channel() == Channel.EMAIL ? subject : null;
        rendering.check(current.channel(), checkedSubject, body);
        int next = current.version() + 1;
        int updated = jdbc.sql("update message_template set current_version = ? where id = ? and tenant_id = ? and current_version = ?")
                .params(next, id.value(), by.tenantId().value(), current.version()).update();
        if (updated == 0) {
            throw new io.rapport.platform.Conflict("template " + id + " was saved by someone else just now; reload it");
        }
        TransactionMemo.forget("template", List.of(by.tenantId(), id));
        insertVersion(by, id.value(), next, checkedSubject, body, clock.instant());
        audit.record(by, "template.saved", "MessageTemplate", id.value(), Map.of("version", current.version()),
                Map.of("version", next));
        return version(by.tenantId(), id, next).orElseThrow();
    }

    private void insertVersion(Actor by, UUID id, int version, String subject, String body, Instant at) {
        jdbc.sql("""
                insert into message_template_version (template_id, version, subject, body, saved_at, saved_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, version, subject, body, Timestamp.from(at), by.label()).update();
    }

    /** The current version. */
    /** The template's current version (a batch that opened its {@link TransactionMemo} reads it once). */
    public Optional<MessageTemplate> find(TenantId tenant, TemplateId id) {
        return TransactionMemo.get("template", List.of(tenant, id),
                () -> jdbc.sql(SELECT + " where t.tenant_id = ? and t.id = ? and v.version = t.current_version")
                        .params(tenant.value(), id.value()).query((rs, n) -> map(rs)).optional());
    }

    public Optional<MessageTemplate> version(TenantId tenant, TemplateId id, int version) {
        return jdbc.sql(SELECT + " where t.tenant_id = ? and t.id = ? and v.version = ?")
                .params(tenant.value(), id.value(), version).query((rs, n) -> map(rs)).optional();
    }

    /** Every version of a template, newest first. */
    public List<MessageTemplate> versions(TenantId tenant, TemplateId id) {
        return jdbc.sql(SELECT + " where t.tenant_id = ? and t.id = ? order by v.version desc")
                .params(tenant.value(), id.value()).query((rs, n) -> map(rs)).list();
    }

    /** The current version of each of the tenant's templates, optionally of one creditor. */
    public List<MessageTemplate> list(TenantId tenant, UUID creditorId) {
        if (creditorId == null) {
            return jdbc.sql(SELECT + " where t.tenant_id = ? and v.version = t.current_version order by t.name, t.channel, t.language")
                    .params(tenant.value()).query((rs, n) -> map(rs)).list();
        }
        return jdbc.sql(SELECT + " where t.tenant_id = ? and v.version = t.current_version and t.creditor_id = ?"
                        + " order by t.name, t.channel, t.language")
                .params(tenant.value(), creditorId).query((rs, n) -> map(rs)).list();
    }

    /** The message as this account's consumer would get it, without sending or tracking anything. */
    public Preview preview(TenantId tenant, TemplateId id, AccountId accountId, PaymentRequestDetails payment) {
        MessageTemplate template = find(tenant, id).orElseThrow(() -> new NotFound("template", id));
        AccountDetails account = accounts.find(tenant, accountId).orElseThrow(() -> new NotFound("account", accountId));
        Creditor creditor = creditors.find(tenant, template.creditorId()).orElseThrow(() -> new NotFound("creditor", template.creditorId()));
        TemplateRendering.Rendered rendered = rendering.render(template, account, creditor, payment);
        return layouts.preview(template, creditor, account, rendered, payment);
    }

    /** A rendered message: its subject (email), text, HTML (email and letter) and, for texts, its segments. */
    public record Preview(TemplateId templateId, int version, Channel channel, String subject, String text, String html,
            Integer segments, String encoding) {
    }

    TemplateRendering.Rendered render(MessageTemplate template, AccountDetails account, Creditor creditor,
            PaymentRequestDetails payment) {
        return rendering.render(template, account, creditor, payment);
    }

    private static final String SELECT = """
            select t.id, t.creditor_id, t.channel, t.language, t.name, v.version, v.subject, v.body, v.saved_at, v.saved_by
            from message_template t join message_template_version v on v.template_id = t.id""";

    private static MessageTemplate map(ResultSet rs) throws SQLException {
        return new MessageTemplate(new TemplateId(rs.getObject("id", UUID.class)), rs.getObject("creditor_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), rs.getString("language"), rs.getString("name"), rs.getInt("version"),
                rs.getString("subject"), rs.getString("body"), rs.getTimestamp("saved_at").toInstant(), rs.getString("saved_by"));
    }
}
