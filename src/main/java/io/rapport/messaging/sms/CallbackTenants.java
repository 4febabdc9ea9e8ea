package io.rapport.messaging.sms;

import io.rapport.messaging.Channel;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.Tenant;
import io.rapport.platform.TenantId;
import io.rapport.platform.Tenants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the tenant of a carrier's callback, which arrives without one: a delivery report by the provider's reference
 * of the text, a consumer's text by the tenant that last texted that number. Recipients are kept only as a blind
 * index keyed per tenant, so the number is indexed for each tenant and each (tenant, index) pair is looked up.
 */
@Component
public class CallbackTenants {

    /** A text Rapport sent, found by the provider's reference. */
    public record SentText(TenantId tenant, MessageId message) {
    }

    private final JdbcClient jdbc;
    private final MessageLog log;
    private final Tenants tenants;

    CallbackTenants(JdbcClient jdbc, MessageLog log, Tenants tenants) {
        this.jdbc = jdbc;
        this.log = log;
        this.tenants = tenants;
    }

    public Optional<SentText> byProviderRef(String providerRef) {
        if (providerRef == null || providerRef.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select tenant_id, id from message where provider_ref = ? and channel = ? and direction = 'OUTBOUND'""")
                .params(providerRef, Channel.SMS.name())
                .query((rs, n) -> new SentText(new TenantId(rs.getObject(1, UUID.class)), new MessageId(rs.getObject(2, UUID.class))))
                .optional();
    }

    /** The tenant whose text to this number is the newest, if any tenant texted it. */
    public Optional<TenantId> lastTexted(String phone) {
        List<Tenant> all = tenants.all();
        if (phone == null || phone.isBlank() || all.isEmpty()) {
            return Optional.empty();
        }
        List<Object> params = new ArrayList<>();
        params.add(Channel.SMS.name());
        for (Tenant tenant : all) {
            params.add(tenant.id().value());
            params.add(log.recipientIndex(tenant.id(), phone));
        }
        String pairs = String.join(" or ", Collections.nCopies(all.size(), "(tenant_id = ? and recipient_idx = ?)"));
        return jdbc.sql("select tenant_id from message where channel = ? and direction = 'OUTBOUND' and (" + pairs + ")"
                        + " order by created_at desc, id desc limit 1")
                .params(params)
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
                .optional();
    }
}
