package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.TestTenants;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a batch (a bulk send's rows in one transaction) relies on: reads it remembers for the rest of its transaction
 * only, and append-only rows written together when it commits, or not at all when it rolls back; anywhere else both
 * behave as plain reads and inserts.
 */
@RapportIntegrationTest
class ABatchReadsOnceAndWritesItsRowsAtCommit {

    private static final String ACTOR = "batch-test";
    private static final List<String> COLUMNS = List.of("id", "tenant_id", "at", "actor", "action", "entity_type", "entity_id",
            "before_enc", "after_enc");

    @Autowired
    DeferredInserts deferred;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTenants tenants;

    private UUID newTenant() {
        return tenants.create("Batch writes " + UUID.randomUUID()).id().value();
    }

    @Test
    void rowsOfABatchAreWrittenWhenItCommitsAndNotBefore() {
        UUID tenant = newTenant();
        long seenInside = transactions.execute(tx -> {
            TransactionMemo.open();
            for (int i = 0; i < 120; i++) {
                deferred.insert("audit_event", COLUMNS, row(tenant, "batch.row-" + i));
            }
            return count(tenant);
        });

        assertThat(seenInside).as("nothing is written before the commit").isZero();
        assertThat(count(tenant)).isEqualTo(120);
        assertThat(jdbc.sql("select count(distinct action) from audit_event where tenant_id = ? and actor = ?").params(tenant, ACTOR)
                .query(Long.class).single()).isEqualTo(120);
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        UUID tenant = newTenant();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            TransactionMemo.open();
            deferred.insert("audit_event", COLUMNS, row(tenant, "batch.row"));
            throw new IllegalStateException("a row of the batch failed");
        })).hasMessageContaining("a row of the batch failed");

        assertThat(count(tenant)).isZero();
    }

    @Test
    void outsideABatchEachRowIsWrittenAtOnce() {
        UUID tenant = newTenant();
        long seenInside = transactions.execute(tx -> {
            deferred.insert("audit_event", COLUMNS, row(tenant, "single.row"));
            return count(tenant);
        });
        assertThat(seenInside).isEqualTo(1);
        deferred.insert("audit_event", COLUMNS, row(tenant, "no.transaction"));
        assertThat(count(tenant)).isEqualTo(2);
    }

    @Test
    void aBatchReadsAValueOnceUntilItIsForgottenAndTheNextTransactionReadsAgain() {
        AtomicInteger loads = new AtomicInteger();
        transactions.executeWithoutResult(tx -> {
            TransactionMemo.open();
            assertThat(TransactionMemo.get("thing", 1, loads::incrementAndGet)).isEqualTo(1);
            assertThat(TransactionMemo.get("thing", 1, loads::incrementAndGet)).as("remembered").isEqualTo(1);
            assertThat(TransactionMemo.get("thing", 2, loads::incrementAndGet)).as("another id is read").isEqualTo(2);
            TransactionMemo.forget("thing", 1);
            assertThat(TransactionMemo.get("thing", 1, loads::incrementAndGet)).as("read again once forgotten").isEqualTo(3);
        });
        transactions.executeWithoutResult(tx -> {
            assertThat(TransactionMemo.isOpen()).as("the memo ends with its transaction").isFalse();
            assertThat(TransactionMemo.get("thing", 1, loads::incrementAndGet)).isEqualTo(4);
            assertThat(TransactionMemo.get("thing", 1, loads::incrementAndGet)).as("not remembered without a batch").isEqualTo(5);
        });
        assertThatThrownBy(TransactionMemo::open).as("a memo needs a transaction").isInstanceOf(IllegalStateException.class);
    }

    private static Object[] row(UUID tenant, String action) {
        return new Object[] {UUID.randomUUID(), tenant, Timestamp.from(Instant.now()), ACTOR, action, "Thing", "1", null, null};
    }

    private long count(UUID tenant) {
        return jdbc.sql("select count(*) from audit_event where tenant_id = ? and actor = ?").params(tenant, ACTOR).query(Long.class).single();
    }
}
