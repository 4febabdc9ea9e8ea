package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rapport.support.Eventually;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.TestTenants;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, a table that bulk writes filled gets planner statistics without waiting for autovacuum (which may
 * be off), so that a batch's {@code in (...)} reads use their index.
 */
@RapportIntegrationTest
class TablesAreAnalysedAsBulkWritesFillThem {

    @Autowired
    BulkInsert bulk;

    @Autowired
    Database database;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTenants tenants;

    @Test
    void aTableThatTookThousandsOfRowsIsAnalysed() {
        assumeTrue(database.isPostgres(), "the embedded database plans without statistics");
        UUID tenant = tenants.create("Table statistics").id().value();
        Instant before = Instant.now().minusSeconds(1);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new Object[] {UUID.randomUUID(), tenant, Timestamp.from(Instant.now()), "statistics-test", "row." + i,
                    "Thing", String.valueOf(i), null, null});
        }
        transactions.executeWithoutResult(tx -> bulk.insert("audit_event", List.of("id", "tenant_id", "at", "actor", "action",
                "entity_type", "entity_id", "before_enc", "after_enc"), rows));

        Eventually.holds(() -> assertThat(jdbc.sql("""
                select greatest(coalesce(last_analyze, 'epoch'), coalesce(last_autoanalyze, 'epoch')) from pg_stat_user_tables
                where relname = 'audit_event'""").query(Timestamp.class).single().toInstant()).isAfter(before));
    }
}
