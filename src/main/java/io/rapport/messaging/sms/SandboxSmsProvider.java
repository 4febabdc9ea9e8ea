package io.rapport.messaging.sms;

import io.rapport.messaging.spi.OutgoingSms;
import io.rapport.messaging.spi.SmsProvider;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The default SMS provider: texts go to an outbox the console shows (encrypted like every consumer datum), not to a
 * phone. Delivery receipts and replies are simulated through the sandbox API.
 */
@Component
@ConditionalOnProperty(name = "rapport.sms.provider", havingValue = "sandbox", matchIfMissing = true)
public class SandboxSmsProvider implements SmsProvider {

    public static final String TO = "sandbox-sms-to";
    public static final String BODY = "sandbox-sms-body";

    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;
    private final Clock clock;

    SandboxSmsProvider(JdbcClient jdbc, ConsumerDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String send(OutgoingSms sms) {
        UUID id = Ids.next();
        jdbc.sql("""
                insert into sms_sandbox_outbox (id, tenant_id, message_id, sender, to_enc, body_enc, segments, encoding, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sms.tenant().value(), sms.messageId(), sms.from(), cipher.encrypt(sms.tenant(), TO, sms.to()),
                        cipher.encrypt(sms.tenant(), BODY, sms.body()), sms.segments(), sms.encoding(),
                        Timestamp.from(clock.instant()))
                .update();
        return "SBX" + id.toString().replace("-", "");
    }

    @Override
    public String name() {
        return "sandbox";
    }
}
