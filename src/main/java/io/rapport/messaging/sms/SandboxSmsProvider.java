package io.rapport.messaging.sms;

import io.rapport.messaging.spi.OutgoingSms;
import io.rapport.messaging.spi.SmsProvider;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.Database;
import io.rapport.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
    private final TransactionTemplate transactions;
    private final Database database;

    SandboxSmsProvider(JdbcClient jdbc, ConsumerDataCipher cipher, Clock clock, PlatformTransactionManager transactionManager,
            Database database) {
        this.database = database;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String send(OutgoingSms sms) {
        UUID id = Ids.next();
        transactions.executeWithoutResult(tx -> record(id, sms));
        return "SBX" + id.toString().replace("-", "");
    }

    /**
     * The outbox stands in for a carrier: it is not the record of what was sent (the message and its events are), so
     * on PostgreSQL its rows are committed without waiting for the disk, as a carrier's acceptance would not wait on
     * ours. A crash may lose the last moment's sandbox rows, never a message's state.
     */
    private void record(UUID id, OutgoingSms sms) {
        if (database.isPostgres()) {
            jdbc.sql("set local synchronous_commit to off").update();
        }
        jdbc.sql("""
                insert into sms_sandbox_outbox (id, tenant_id, message_id, sender, to_enc, body_enc, segments, encoding, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sms.tenant().value(), sms.messageId(), sms.from(), cipher.encrypt(sms.tenant(), TO, sms.to()),
                        cipher.encrypt(sms.tenant(), BODY, sms.body()), sms.segments(), sms.encoding(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public String name() {
        return "sandbox";
    }
}
