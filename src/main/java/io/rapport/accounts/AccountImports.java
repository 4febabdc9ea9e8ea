package io.rapport.accounts;

import io.rapport.accounts.imports.PlacementFileImport;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Ids;
import io.rapport.platform.NotFound;
import io.rapport.platform.RapportProperties;
import io.rapport.platform.Role;
import io.rapport.platform.SpreadsheetSafe;
import io.rapport.platform.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Spreadsheet imports of placements (CSV or XLSX, see the import contract). An upload is stored
 * in the data directory and processed in the background; its progress, counts and rejected rows
 * can be read while it runs. Rows are keyed by their references, so an import that is run again,
 * or resumed after its node stopped, changes nothing that is already in.
 *
 * <p>A running import renews its heartbeat with every batch; an import whose heartbeat is older
 * than {@link #STALE_AFTER} is claimed and resumed by whichever node sees it first.
 */
@Service
public class AccountImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountImports.class);
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final int ERRORS_SHOWN = 100;

    private final JdbcClient jdbc;
    private final PlacementFileImport fileImport;
    private final AuditLog audit;
    private final RapportProperties properties;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "account-import");
        thread.setDaemon(true);
        return thread;
    });

    AccountImports(JdbcClient jdbc, PlacementFileImport fileImport, AuditLog audit, RapportProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.fileImport = fileImport;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores the upload and starts importing it in the background. */
    public UUID start(Actor by, String fileName, InputStream content) {
        UUID id = Ids.next();
        String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
        Path stored = properties.dataDir().resolve("imports").resolve(by.tenantId().toString()).resolve(id.toString());
        long size;
        try {
            Files.createDirectories(stored.getParent());
            size = Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded file", e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into account_import (id, tenant_id, file_name, stored_path, size_bytes, actor_name, actor_kind, actor_role,
                    status, started_at, heartbeat_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)""")
                .params(id, by.tenantId().value(), truncate(name, 300), stored.toAbsolutePath().toString(), size, by.name(),
                        by.kind().name(), by.role().name(), now, now)
                .update();
        audit.record(by, "import.started", "AccountImport", id, null, Map.of("fileName", name, "sizeBytes", size));
        workers.submit(() -> run(id));
        return id;
    }

    public Optional<ImportStatus> status(TenantId tenant, UUID importId) {
        return jdbc.sql("select * from account_import where tenant_id = ? and id = ?").params(tenant.value(), importId)
                .query((rs, n) -> map(rs, errors(importId, ERRORS_SHOWN))).optional();
    }

    public List<ImportStatus> recent(TenantId tenant, int limit) {
        return jdbc.sql("select * from account_import where tenant_id = ? order by id desc limit ?")
                .params(tenant.value(), limit)
                .query((rs, n) -> map(rs, List.of())).list();
    }

    /** Every rejected row as CSV (row, column, reason), safe to open in a spreadsheet. */
    public void writeErrorReport(TenantId tenant, UUID importId, Writer out) {
        if (status(tenant, importId).isEmpty()) {
            throw new NotFound("import", importId);
        }
        SpreadsheetSafe.errorReport(jdbc, "select row_number, column_name, message from account_import_error where import_id = ? order by row_number",
                importId, out);
    }

    /** Resumes imports whose node stopped (or this node, before a restart) in the middle of them. */
    @Scheduled(initialDelay = 5_000, fixedDelay = 60_000)
    void resumeStaleImports() {
        Instant now = clock.instant();
        List<UUID> stale = jdbc.sql("select id from account_import where status = 'RUNNING' and heartbeat_at < ?")
                .param(Timestamp.from(now.minus(STALE_AFTER))).query(UUID.class).list();
        for (UUID id : stale) {
            int claimed = jdbc.sql("update account_import set heartbeat_at = ? where id = ? and status = 'RUNNING' and heartbeat_at < ?")
                    .params(Timestamp.from(now), id, Timestamp.from(now.minus(STALE_AFTER))).update();
            if (claimed == 1) {
                log.info("Resuming import {} whose processing stopped; rows already imported are skipped", id);
                workers.submit(() -> run(id));
            }
        }
    }

    private void run(UUID id) {
        record Job(TenantId tenant, Path file, String fileName, Actor actor) {
        }
        Job job = jdbc.sql("select * from account_import where id = ?").param(id)
                .query((rs, n) -> {
                    TenantId tenant = new TenantId(rs.getObject("tenant_id", UUID.class));
                    return new Job(tenant, Path.of(rs.getString("stored_path")), rs.getString("file_name"),
                            new Actor(tenant, rs.getString("actor_name"), Actor.Kind.valueOf(rs.getString("actor_kind")),
                                    Role.valueOf(rs.getString("actor_role"))));
                }).single();
        try {
            fileImport.run(id, job.actor(), job.file(), job.fileName());
        } catch (RuntimeException e) {
            log.error("Import {} failed", id, e);
            jdbc.sql("update account_import set status = 'FAILED', failure = ?, finished_at = ? where id = ?")
                    .params("The import stopped on an unexpected error; upload the file again (rows already imported are skipped).",
                            Timestamp.from(clock.instant()), id)
                    .update();
        }
    }

    private List<ImportError> errors(UUID importId, int limit) {
        return jdbc.sql("select row_number, column_name, message from account_import_error where import_id = ? order by row_number limit ?")
                .params(importId, limit)
                .query((rs, n) -> new ImportError(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static ImportStatus map(ResultSet rs, List<ImportError> errors) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        String warnings = rs.getString("warnings");
        return new ImportStatus(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("status"),
                rs.getLong("total"), rs.getLong("accepted"), rs.getLong("rejected"), rs.getInt("percent"),
                rs.getString("failure"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                warnings == null || warnings.isEmpty() ? List.of() : Arrays.asList(warnings.split("\n")), errors);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    @Override
    public void destroy() {
        // Running imports stop here; their heartbeat goes stale and they are resumed later.
        workers.shutdownNow();
    }
}
