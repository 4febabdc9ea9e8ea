package io.rapport.messaging;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.Accounts;
import io.rapport.accounts.Placement;
import io.rapport.messaging.letters.LetterChannel;
import io.rapport.messaging.letters.PdfLetters;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.Ids;
import io.rapport.platform.NotFound;
import io.rapport.platform.SpreadsheetSafe;
import io.rapport.platform.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily print batch for the letter vendor: every queued letter of a tenant, taken once (a letter belongs to at most
 * one batch, even with several nodes running the job), as one PDF and a CSV manifest. The files are rendered from the
 * encrypted letters when downloaded, so no consumer data lies on disk in the clear. A letter counts as SENT when its
 * batch is made.
 */
@Service
public class PrintBatches {

    private static final Logger log = LoggerFactory.getLogger(PrintBatches.class);

    public record Batch(UUID id, Instant createdAt, int letters) {
    }

    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;
    private final MessageLog messages;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;

    PrintBatches(JdbcClient jdbc, ConsumerDataCipher cipher, MessageLog messages, Accounts accounts,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.messages = messages;
        this.accounts = accounts;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${rapport.letters.print-batch-cron:0 0 18 * * *}", zone = "UTC")
    void daily() {
        for (UUID tenant : jdbc.sql("select distinct tenant_id from letter where batch_id is null").query(UUID.class).list()) {
            make(new TenantId(tenant)).ifPresent(b -> log.info("Print batch {} with {} letters", b.id(), b.letters()));
        }
    }

    /** Takes every queued letter of the tenant into a new batch; empty when none is queued. */
    public Optional<Batch> make(TenantId tenant) {
        UUID id = Ids.next();
        Instant now = clock.instant();
        Batch batch = tx.execute(status -> {
            jdbc.sql("insert into print_batch (id, tenant_id, created_at, letter_count) values (?, ?, ?, 0)")
                    .params(id, tenant.value(), Timestamp.from(now)).update();
            int taken = jdbc.sql("update letter set batch_id = ? where tenant_id = ? and batch_id is null")
                    .params(id, tenant.value()).update();
            if (taken == 0) {
                jdbc.sql("delete from print_batch where id = ?").param(id).update();
                return null;
            }
            jdbc.sql("update print_batch set letter_count = ? where id = ?").params(taken, id).update();
            return new Batch(id, now, taken);
        });
        if (batch == null) {
            return Optional.empty();
        }
        for (UUID letter : letterIds(tenant, id)) {
            messages.record(tenant, new MessageId(letter), EventKind.SENT, "print batch " + id);
        }
        return Optional.of(batch);
    }

    public List<Batch> list(TenantId tenant) {
        return jdbc.sql("select id, created_at, letter_count from print_batch where tenant_id = ? order by id desc")
                .param(tenant.value())
                .query((rs, n) -> new Batch(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getInt(3))).list();
    }

    /** One PDF with every letter of the batch, in manifest order. */
    public byte[] pdf(TenantId tenant, UUID batchId) {
        require(tenant, batchId);
        List<byte[]> pdfs = new ArrayList<>();
        for (UUID letter : letterIds(tenant, batchId)) {
            pdfs.add(letterPdf(tenant, new MessageId(letter)));
        }
        return PdfLetters.join(pdfs);
    }

    /** The PDF of one letter. */
    public byte[] letterPdf(TenantId tenant, MessageId letter) {
        String sealed = jdbc.sql("select html_enc from letter where tenant_id = ? and message_id = ?")
                .params(tenant.value(), letter.value()).query(String.class).optional()
                .orElseThrow(() -> new NotFound("letter", letter));
        return PdfLetters.render(cipher.decrypt(tenant, LetterChannel.HTML, sealed));
    }

    /** The vendor's manifest: one row per letter with the address it goes to and its pages, cells spreadsheet-safe. */
    public byte[] manifest(TenantId tenant, UUID batchId) {
        require(tenant, batchId);
        StringBuilder csv = new StringBuilder(SpreadsheetSafe.line("sequence", "message_id", "account_reference", "creditor",
                "name", "address_line1", "address_line2", "city", "state", "postal_code", "country", "pages"));
        int sequence = 0;
        for (UUID letter : letterIds(tenant, batchId)) {
            Message message = messages.find(tenant, new MessageId(letter)).orElseThrow();
            AccountDetails account = accounts.find(tenant, message.accountId()).orElseThrow();
            Placement.PostalAddress a = account.consumer().address();
            csv.append(SpreadsheetSafe.line(++sequence, letter, account.externalRef(), account.creditor().name(),
                    account.consumerName(), a == null ? null : a.line1(), a == null ? null : a.line2(),
                    a == null ? null : a.city(), a == null ? null : a.state(), a == null ? null : a.postalCode(),
                    a == null ? null : a.country(), PdfLetters.pages(letterPdf(tenant, new MessageId(letter)))));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void require(TenantId tenant, UUID batchId) {
        if (jdbc.sql("select count(*) from print_batch where tenant_id = ? and id = ?").params(tenant.value(), batchId)
                .query(Integer.class).single() == 0) {
            throw new NotFound("print batch", batchId);
        }
    }

    private List<UUID> letterIds(TenantId tenant, UUID batchId) {
        return jdbc.sql("select message_id from letter where tenant_id = ? and batch_id = ? order by message_id")
                .params(tenant.value(), batchId).query(UUID.class).list();
    }

}
