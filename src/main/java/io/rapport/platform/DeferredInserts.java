package io.rapport.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts of append-only rows that a batch writes many of (timeline entries, audit events, message events, contact
 * decisions). In a transaction whose {@link TransactionMemo} is open, they are queued and written together just before
 * it commits, table by table in the order the tables were first written ({@link BulkInsert}: COPY on PostgreSQL, a
 * JDBC batch elsewhere); a failure there rolls the whole transaction back. Anywhere else each row is inserted at once.
 * Only rows that the same transaction does not read back belong here.
 */
@Component
public class DeferredInserts {

    private static final Object RESOURCE = DeferredInserts.class;

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;

    DeferredInserts(JdbcTemplate jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /** Inserts the row now, or before the batch's transaction commits. */
    public void insert(String table, List<String> columns, Object... values) {
        if (columns.size() != values.length) {
            throw new IllegalArgumentException(table + ": " + columns.size() + " columns but " + values.length + " values");
        }
        if (!TransactionMemo.isOpen()) {
            insertNow(table, columns, values);
            return;
        }
        queued().computeIfAbsent(new Target(table, columns), target -> new ArrayList<>()).add(values);
    }

    /**
     * As {@link #insert}, for a row that other queued rows refer to (a message, a payment request): such tables are
     * written first at the commit.
     */
    public void insertFirst(String table, List<String> columns, Object... values) {
        if (TransactionMemo.isOpen()) {
            parents().add(new Target(table, columns));
        }
        insert(table, columns, values);
    }

    /** Inserts the row at once, batch or not (for a row the transaction may read back). */
    public void insertNow(String table, List<String> columns, Object... values) {
        jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")", values);
    }

    /** Whether inserts are being queued in this transaction (a batch is running). */
    public boolean isDeferring() {
        return TransactionMemo.isOpen();
    }

    @SuppressWarnings("unchecked")
    private Map<Target, List<Object[]>> queued() {
        Map<Target, List<Object[]>> queue = (Map<Target, List<Object[]>>) TransactionSynchronizationManager.getResource(RESOURCE);
        if (queue == null) {
            Map<Target, List<Object[]>> fresh = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(RESOURCE, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    Set<Target> first = parents();
                    fresh.forEach((target, rows) -> {
                        if (first.contains(target)) {
                            bulk.insert(target.table(), target.columns(), rows);
                        }
                    });
                    fresh.forEach((target, rows) -> {
                        if (!first.contains(target)) {
                            bulk.insert(target.table(), target.columns(), rows);
                        }
                    });
                    fresh.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
                }
            });
            queue = fresh;
        }
        return queue;
    }

    /** The tables of this transaction's queue that others refer to. */
    private static Set<Target> parents() {
        return TransactionMemo.get("deferred-insert-parents", "tables", LinkedHashSet::new);
    }

    private record Target(String table, List<String> columns) {
    }
}
