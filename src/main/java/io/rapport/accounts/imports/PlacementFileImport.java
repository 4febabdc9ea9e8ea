package io.rapport.accounts.imports;

import io.rapport.accounts.AccountPlacement;
import io.rapport.accounts.ImportError;
import io.rapport.accounts.Placement;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rapport.platform.SpreadsheetRows;
import io.rapport.platform.SpreadsheetRows.SpreadsheetProblem;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a placement file and places its good rows in batches, recording every rejected row
 * with its column and reason. Each batch is one transaction that also records the import's
 * progress, so counts and data never disagree. A batch the database refuses is retried one
 * placement at a time, so one bad account never blocks the others.
 */
@Component
public class PlacementFileImport {

    private static final Logger log = LoggerFactory.getLogger(PlacementFileImport.class);
    static final int BATCH = 1_000;
    static final int WRITERS = 2;
    /** Beyond this many stored errors only the counts go on; a file that bad needs fixing at its source. */
    static final int MAX_STORED_ERRORS = 100_000;

    private final AccountPlacement placement;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final Counter rowsAccepted;
    private final Counter rowsRejected;
    private final Timer batchWrites;

    PlacementFileImport(AccountPlacement placement, JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit,
            Clock clock, MeterRegistry meters) {
        this.rowsAccepted = Counter.builder("rapport.imports.rows").tag("outcome", "accepted")
                .description("Placement rows imported").register(meters);
        this.rowsRejected = Counter.builder("rapport.imports.rows").tag("outcome", "rejected")
                .description("Placement rows rejected with a reason").register(meters);
        this.batchWrites = Timer.builder("rapport.imports.batch.write")
                .description("Time to write one batch of placement rows").register(meters);
        this.placement = placement;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Imports the file from its first row; what is already placed comes out unchanged. */
    public void run(UUID importId, Actor actor, Path file, String fileName) {
        jdbc.update("delete from account_import_error where import_id = ?", importId);
        jdbc.update("update account_import set total = 0, accepted = 0, rejected = 0, percent = 0, failure = null where id = ?",
                importId);
        Progress progress = new Progress();
        // Reading and checking rows overlaps with writing earlier batches, on two connections at once:
        // the database does most of the work of an import, and this way it can use two cores.
        ExecutorService writer = Executors.newFixedThreadPool(WRITERS, r -> new Thread(r, "account-import-writer"));
        Deque<Future<?>> pending = new ArrayDeque<>();
        try (SpreadsheetRows rows = SpreadsheetRows.open(file)) {
            List<String> warnings = checkHeaders(rows.headers());
            jdbc.update("update account_import set warnings = ? where id = ?", String.join("\n", warnings), importId);
            PlacementRowReader reader = new PlacementRowReader(fileName, clock.instant());
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            String via = "import of " + fileName;
            Batch batch = new Batch();
            while (rows.hasNext()) {
                SpreadsheetRows.Line line = rows.next();
                PlacementRowReader.Result result = reader.read(line, today);
                if (result.placement() != null) {
                    batch.placements.add(result.placement());
                    batch.rows.add(line.number());
                } else {
                    batch.errors.addAll(result.errors());
                    batch.rejected++;
                }
                if (batch.size() >= BATCH) {
                    Batch full = batch;
                    int percent = rows.percentRead();
                    submit(writer, pending, () -> flush(importId, actor, via, full, progress, percent, false));
                    batch = new Batch();
                }
            }
            awaitAll(pending); // the last batch marks the import DONE, so it goes after all others
            Batch last = batch;
            submit(writer, pending, () -> flush(importId, actor, via, last, progress, 100, true));
            awaitAll(pending);
            audit.record(actor, "import.finished", "AccountImport", importId, null,
                    Map.of("fileName", fileName, "total", progress.total(), "accepted", progress.accepted(),
                            "rejected", progress.rejected()));
        } catch (SpreadsheetProblem problem) {
            awaitAll(pending);
            jdbc.update("update account_import set status = 'FAILED', failure = ?, finished_at = ? where id = ?",
                    problem.getMessage(), Timestamp.from(clock.instant()), importId);
        } finally {
            writer.shutdown();
        }
    }

    /** Queues a batch for the writers, keeping a few in flight so memory stays bounded. */
    private static void submit(ExecutorService writer, Deque<Future<?>> pending, Runnable task) {
        while (pending.size() >= WRITERS + 1) {
            await(pending.removeFirst());
        }
        pending.addLast(writer.submit(task));
    }

    private static void awaitAll(Deque<Future<?>> pending) {
        while (!pending.isEmpty()) {
            await(pending.removeFirst());
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static List<String> checkHeaders(List<String> headers) {
        List<String> missing = PlacementColumns.REQUIRED.stream()
                .filter(required -> !headers.contains(PlacementColumns.normalize(required))).toList();
        if (!missing.isEmpty()) {
            throw new SpreadsheetProblem("The file has no column " + String.join(", ", missing)
                    + ". The first row must name the columns of the placement layout (account_ref, creditor, first_name, ...).");
        }
        List<String> warnings = new ArrayList<>();
        for (String header : headers) {
            if (!header.isEmpty() && !PlacementColumns.isKnown(header)) {
                warnings.add("Column '" + header + "' is not part of the placement layout and was ignored.");
            }
        }
        return warnings;
    }

    private void flush(UUID importId, Actor actor, String via, Batch batch, Progress progress, int percent, boolean last) {
        int placed = 0;
        try {
            batchWrites.record(() -> transactions.executeWithoutResult(tx -> {
                placement.placeAll(actor, batch.placements, via);
                record(importId, batch.errors, progress, batch.placements.size(), batch.rejected, percent, last);
            }));
            placed = batch.placements.size();
        } catch (DataAccessException refused) {
            // Find the account the database refuses by placing one at a time; the rest go in.
            log.warn("Import {}: a batch was refused ({}); placing its rows one by one", importId, refused.getMessage());
            long rejected = batch.rejected;
            for (int i = 0; i < batch.placements.size(); i++) {
                Placement one = batch.placements.get(i);
                try {
                    transactions.executeWithoutResult(tx -> placement.placeAll(actor, List.of(one), via));
                    placed++;
                } catch (DataAccessException e) {
                    batch.errors.add(new ImportError(batch.rows.get(i), "account_ref", "could not be stored: " + rootMessage(e)));
                    rejected++;
                }
            }
            int accepted = placed;
            long refused2 = rejected;
            transactions.executeWithoutResult(tx -> record(importId, batch.errors, progress, accepted, refused2, percent, last));
        }
        progress.committed(placed, batch);
        rowsAccepted.increment(placed);
        rowsRejected.increment(batch.rejected + (batch.placements.size() - placed));
    }

    /**
     * Writes a batch's rejected rows and adds the batch to the import's counts, in the batch's
     * transaction: the counts in the database never run ahead of the rows that are in.
     */
    private void record(UUID importId, List<ImportError> errors, Progress progress, long accepted, long rejected,
            int percent, boolean last) {
        List<Object[]> rows = new ArrayList<>();
        long stored = progress.storedErrors();
        for (ImportError e : errors) {
            if (stored++ < MAX_STORED_ERRORS) {
                rows.add(new Object[] {importId, e.row(), e.column(), truncate(e.message(), 1000)});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into account_import_error (import_id, row_number, column_name, message) values (?, ?, ?, ?)",
                    rows);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                update account_import set total = total + ?, accepted = accepted + ?, rejected = rejected + ?,
                    percent = greatest(percent, ?), heartbeat_at = ?, status = ?, finished_at = ?
                where id = ?""",
                accepted + rejected, accepted, rejected, percent, now, last ? "DONE" : "RUNNING", last ? now : null, importId);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return truncate(message.split("\n")[0], 300);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** The rows read since the last write: good placements with their row numbers, and rejected rows. */
    private static final class Batch {
        final List<Placement> placements = new ArrayList<>(BATCH);
        final List<Long> rows = new ArrayList<>(BATCH);
        final List<ImportError> errors = new ArrayList<>();
        long rejected;

        int size() {
            return placements.size() + errors.size();
        }
    }

    /** Counts across batches, for the audit entry at the end; the writers add to it as batches commit. */
    private static final class Progress {
        private long accepted;
        private long rejected;
        private long storedErrors;

        synchronized void committed(int placed, Batch batch) {
            accepted += placed;
            rejected += batch.rejected + (batch.placements.size() - placed);
            storedErrors = Math.min(MAX_STORED_ERRORS, storedErrors + batch.errors.size());
        }

        synchronized long storedErrors() {
            return storedErrors;
        }

        synchronized long accepted() {
            return accepted;
        }

        synchronized long rejected() {
            return rejected;
        }

        synchronized long total() {
            return accepted + rejected;
        }
    }
}
