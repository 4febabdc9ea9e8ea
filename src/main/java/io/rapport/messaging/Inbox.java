package io.rapport.messaging;

import io.rapport.accounts.AccountId;
import io.rapport.messaging.sms.ReplyIntents;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What consumers wrote to the organization (text replies), newest first, with what each asked for, so agents answer
 * the ones that need a person. Opt-outs and HELP were already answered by the system the moment they arrived.
 */
@Service
public class Inbox {

    /** One reply; {@code intent} is OTHER for free text that needs an agent. */
    public record Reply(UUID messageId, AccountId account, Channel channel, String from, String body, ReplyIntent intent,
            Instant receivedAt) {

        public boolean needsAnAgent() {
            return intent == ReplyIntent.OTHER;
        }
    }

    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;

    Inbox(JdbcClient jdbc, ConsumerDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<Reply> latest(TenantId tenant, int limit) {
        return jdbc.sql("""
                select id, account_id, channel, recipient_enc, body_enc, created_at from message
                where tenant_id = ? and direction = 'INBOUND' order by created_at desc, id desc limit ?""")
                .params(tenant.value(), limit)
                .query((rs, n) -> {
                    String body = cipher.decrypt(tenant, MessageLog.BODY, rs.getString("body_enc"));
                    return new Reply(rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
                            Channel.valueOf(rs.getString("channel")), cipher.decrypt(tenant, MessageLog.RECIPIENT, rs.getString("recipient_enc")),
                            body, ReplyIntents.of(body), rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }
}
