package io.rapport.accounts;

import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Ids;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import io.rapport.platform.TransactionMemo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's creditor clients and their branding. */
@Service
public class Creditors {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Creditors(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Creditor> list(TenantId tenant) {
        return jdbc.sql("select * from creditor where tenant_id = ? order by name").param(tenant.value())
                .query((rs, n) -> map(rs)).list();
    }

    /** The creditor (a batch that opened its {@link TransactionMemo} reads it once). */
    public Optional<Creditor> find(TenantId tenant, UUID id) {
        return TransactionMemo.get("creditor", List.of(tenant, id),
                () -> jdbc.sql("select * from creditor where tenant_id = ? and id = ?").params(tenant.value(), id)
                        .query((rs, n) -> map(rs)).optional());
    }

    @Transactional
    public Creditor create(Actor by, String name, Creditor.Branding branding) {
        UUID id = Ids.next();
        Creditor.Branding b = branding == null ? Creditor.Branding.plain(name) : branding;
        jdbc.sql("""
                insert into creditor (id, tenant_id, name, logo_url, primary_color, accent_color, sender_name, email_domain,
                    support_phone, support_hours, licence_numbers, dispute_address, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, by.tenantId().value(), name, b.logoUrl(), b.primaryColor(), b.accentColor(), b.senderName(),
                        b.emailDomain(), b.supportPhone(), b.supportHours(), b.licenceNumbers(), b.disputeAddress(),
                        Timestamp.from(clock.instant()))
                .update();
        Creditor creditor = new Creditor(id, name, b);
        audit.record(by, "creditor.created", "Creditor", id, null, creditor);
        return creditor;
    }

    @Transactional
    public Creditor updateBranding(Actor by, UUID id, Creditor.Branding b) {
        Creditor before = find(by.tenantId(), id).orElseThrow(() -> new NotFound("creditor", id));
        TransactionMemo.forget("creditor", List.of(by.tenantId(), id));
        jdbc.sql("""
                update creditor set logo_url = ?, primary_color = ?, accent_color = ?, sender_name = ?, email_domain = ?,
                    support_phone = ?, support_hours = ?, licence_numbers = ?, dispute_address = ?
                where id = ? and tenant_id = ?""")
                .params(b.logoUrl(), b.primaryColor(), b.accentColor(), b.senderName(), b.emailDomain(), b.supportPhone(),
                        b.supportHours(), b.licenceNumbers(), b.disputeAddress(), id, by.tenantId().value())
                .update();
        Creditor after = new Creditor(id, before.name(), b);
        audit.record(by, "creditor.branding-changed", "Creditor", id, before, after);
        return after;
    }

    /** The ids of the named creditors, creating the ones the tenant does not have yet. */
    @Transactional
    public Map<String, UUID> resolve(Actor by, Collection<String> names) {
        Map<String, UUID> ids = new HashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        jdbc.sql("select id, name from creditor where tenant_id = :tenant and name in (:names)")
                .param("tenant", by.tenantId().value()).param("names", names)
                .query((rs, n) -> ids.put(rs.getString("name"), rs.getObject("id", UUID.class))).list();
        for (String name : names) {
            if (!ids.containsKey(name)) {
                ids.put(name, create(by, name, null).id());
            }
        }
        return ids;
    }

    private static Creditor map(ResultSet rs) throws SQLException {
        return new Creditor(rs.getObject("id", UUID.class), rs.getString("name"), new Creditor.Branding(
                rs.getString("logo_url"), rs.getString("primary_color"), rs.getString("accent_color"),
                rs.getString("sender_name"), rs.getString("email_domain"), rs.getString("support_phone"),
                rs.getString("support_hours"), rs.getString("licence_numbers"), rs.getString("dispute_address")));
    }
}
