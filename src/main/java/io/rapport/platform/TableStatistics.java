package io.rapport.platform;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics up with the bulk writes (imports, bulk sends): once a table has taken more
 * rows than half of what it held at its last analysis (and at least 1,000), it is analysed again, in the background.
 * Without statistics the planner takes a batch's {@code account_id in (...)} for a quarter of the table and scans all
 * of it: measured on a bulk send of 100,000 rows right after importing its accounts, the database then spent four
 * times the CPU of the whole application. Autovacuum does this on servers where it runs, but a bulk load outruns it,
 * and some servers run without it. Nothing is done on the embedded database.
 */
@Component
public class TableStatistics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final long AT_LEAST = 1_000;

    private final JdbcTemplate jdbc;
    private final boolean enabled;
    private final Map<String, AtomicLong> writtenSince = new ConcurrentHashMap<>();
    private final Map<String, Long> rowsWhenAnalysed = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService analyser = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "table-statistics");
        thread.setDaemon(true);
        return thread;
    });
    private final Database database;

    TableStatistics(JdbcTemplate jdbc, Database database,
            @Value("${rapport.database.analyze-after-bulk-writes:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.database = database;
        this.enabled = enabled;
    }

    /** Rows were written to the table (committed or about to be); analyses it again when enough have been. */
    public void wrote(String table, long rows) {
        if (!enabled || rows <= 0 || !TABLE.matcher(table).matches() || !database.isPostgres()) {
            return;
        }
        long written = writtenSince.computeIfAbsent(table, t -> new AtomicLong()).addAndGet(rows);
        if (written >= Math.max(AT_LEAST, rowsWhenAnalysed.getOrDefault(table, 0L) / 2) && queued.add(table)) {
            analyser.execute(() -> analyse(table));
        }
    }

    private void analyse(String table) {
        try {
            writtenSince.get(table).set(0);
            jdbc.execute("analyze " + table);
            Long rows = jdbc.queryForObject("select reltuples::bigint from pg_class where relname = ?", Long.class, table);
            rowsWhenAnalysed.put(table, rows == null ? 0 : rows);
        } catch (RuntimeException e) {
            log.warn("Could not analyse table {}: {}", table, e.getMessage());
        } finally {
            queued.remove(table);
        }
    }


    @Override
    public void destroy() {
        analyser.shutdownNow();
    }
}
