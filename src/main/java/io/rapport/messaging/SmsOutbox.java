package io.rapport.messaging;

import io.rapport.messaging.sms.SandboxSmsProvider;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The texts the sandbox SMS provider "sent" for a tenant, newest first, for the console's outbox page. */
@Service
public class SmsOutbox {

    public record Entry(UUID messageId, String from, String to, String body, int segments, String encoding, Instant sentAt,
            EventKind status) {
    }

    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;

    SmsOutbox(JdbcClient jdbc, ConsumerDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<Entry> latest(TenantId tenant, int limit) {
        return jdbc.sql("""
                select o.message_id, o.sender, o.to_enc, o.body_enc, o.segments, o.encoding, o.sent_at, m.status
                from sms_sandbox_outbox o join message m on m.id = o.message_id
                where o.tenant_id = ? order by o.id desc limit ?""")
                .params(tenant.value(), limit)
                .query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2),
                        cipher.decrypt(tenant, SandboxSmsProvider.TO, rs.getString(3)),
                        cipher.decrypt(tenant, SandboxSmsProvider.BODY, rs.getString(4)), rs.getInt(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), EventKind.valueOf(rs.getString(8))))
                .list();
    }
}
