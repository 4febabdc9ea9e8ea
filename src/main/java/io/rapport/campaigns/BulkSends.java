package io.rapport.campaigns;

import io.rapport.messaging.MessageTemplates;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Conflict;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
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
import java.util.LinkedHashMap;
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
import org.springframework.stereotype.Service;

/**
 * Bulk sends: a spreadsheet of accounts (see the import contract's "Bulk sends" columns) becomes one payment request
 * per good row, each sent through the contact gate, counted under the bulk send as its campaign. The upload is stored
 * and validated in the background; bad rows are reported by row, column and reason and the rest go on. A send started
 * with confirmation waits in PREVIEW, showing per channel how many would go and what the gate would block now, until
 * someone confirms it. Sending resumes where it stopped, on any node, once the heartbeat of the node that ran it is
 * older than {@link #STALE_AFTER}; no consumer is ever sent the same row twice.
 */
@Service
public class BulkSends implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkSends.class);
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final int ERRORS_SHOWN = 100;
    private static final int LONGEST_VALIDITY_DAYS = 180;

    private final JdbcClient jdbc;
    private final BulkSendValidation validation;
    private final BulkSendDelivery delivery;
    private final MessageTemplates templates;
    private final AuditLog audit;
    private final RapportProperties properties;
    private final Clock clock;
    private final ExecutorService runs = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "bulk-send");
        thread.setDaemon(true);
        return thread;
    });

    BulkSends(JdbcClient jdbc, BulkSendValidation validation, BulkSendDelivery delivery, MessageTemplates templates,
            AuditLog audit, RapportProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.validation = validation;
        this.delivery = delivery;
        this.templates = templates;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a run needs to know about its bulk send. */
    record Job(UUID id, TenantId tenant, Path file, String fileName, String template, int expiresInDays, boolean confirmFirst,
            Instant expiresAt, Actor actor) {
    }

    /**
     * Stores the upload and validates it in the background. With {@code confirm} the send then waits in PREVIEW
     * for {@link #confirm}; without, it starts sending as soon as the file is checked.
     *
     * @param template      the creditor template name to send with, or null for the standard payment request
     * @param expiresInDays how long each link stays valid, or null for 14 days
     */
    public UUID start(Actor by, String fileName, InputStream content, String template, Integer expiresInDays, boolean confirm) {
        String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
        int days = expiresInDays == null ? 14 : expiresInDays;
        if (days < 1 || days > LONGEST_VALIDITY_DAYS) {
            throw InvalidRequest.of("expiresInDays", "must be from 1 to " + LONGEST_VALIDITY_DAYS);
        }
        String templateName = template == null || template.isBlank() ? null : template.trim();
        if (templateName != null && templates.list(by.tenantId(), null).stream().noneMatch(t -> t.name().equals(templateName))) {
            throw InvalidRequest.of("template", "no creditor has a template named '" + templateName + "'");
        }
        UUID id = Ids.next();
        Path stored = properties.dataDir().resolve("bulk-sends").resolve(by.tenantId().toString()).resolve(id.toString());
        try {
            Files.createDirectories(stored.getParent());
            Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded file", e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into bulk_send (id, tenant_id, file_name, stored_path, template, expires_in_days, confirm_first, actor_name,
                    actor_kind, actor_role, status, created_at, heartbeat_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALIDATING', ?, ?)""")
                .params(id, by.tenantId().value(), truncate(name, 300), stored.toAbsolutePath().toString(), templateName, days, confirm,
                        by.name(), by.kind().name(), by.role().name(), now, now)
                .update();
        audit.record(by, "bulk-send.started", "BulkSend", id, null, Map.of("fileName", name,
                "template", templateName == null ? "payment-request" : templateName, "expiresInDays", days, "confirm", confirm));
        runs.submit(() -> validate(id));
        return id;
    }

    /** Starts sending a bulk send that waits in PREVIEW. */
    public void confirm(Actor by, UUID id) {
        requireStatus(by.tenantId(), id);
        Instant now = clock.instant();
        int started = jdbc.sql("""
                update bulk_send set status = 'SENDING', sending_started_at = ?,
                    expires_at = ? , heartbeat_at = ?
                where id = ? and tenant_id = ? and status = 'PREVIEW'""")
                .params(Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(expiresInDays(id)))), Timestamp.from(now),
                        id, by.tenantId().value())
                .update();
        if (started == 0) {
            throw new Conflict("the bulk send is not awaiting confirmation");
        }
        audit.record(by, "bulk-send.confirmed", "BulkSend", id, null, Map.of());
        runs.submit(() -> send(id));
    }

    /** Stops a bulk send: nothing more is sent; what was sent stays sent. */
    public void cancel(Actor by, UUID id) {
        requireStatus(by.tenantId(), id);
        int cancelled = jdbc.sql("""
                update bulk_send set status = 'CANCELLED', finished_at = ?
                where id = ? and tenant_id = ? and status in ('VALIDATING', 'PREVIEW', 'SENDING')""")
                .params(Timestamp.from(clock.instant()), id, by.tenantId().value()).update();
        if (cancelled == 0) {
            throw new Conflict("the bulk send has already finished");
        }
        audit.record(by, "bulk-send.cancelled", "BulkSend", id, null, Map.of());
    }

    public Optional<BulkSendStatus> status(TenantId tenant, UUID id) {
        return jdbc.sql("select * from bulk_send where tenant_id = ? and id = ?").params(tenant.value(), id)
                .query((rs, n) -> map(rs, true)).optional();
    }

    public List<BulkSendStatus> recent(TenantId tenant, int limit) {
        return jdbc.sql("select * from bulk_send where tenant_id = ? order by id desc fetch first " + limit + " rows only")
                .param(tenant.value()).query((rs, n) -> map(rs, false)).list();
    }

    /** Every rejected row as CSV (row, column, reason), safe to open in a spreadsheet. */
    public void writeErrorReport(TenantId tenant, UUID id, Writer out) {
        requireStatus(tenant, id);
        SpreadsheetSafe.errorReport(jdbc, "select row_number, column_name, message from bulk_send_error where bulk_send_id = ? order by row_number",
                id, out);
    }

    /**
     * Resumes bulk sends whose node stopped in the middle of validating or sending them (run by a recurring job on
     * every node; the conditional update lets one node take each). Answers how many were resumed.
     */
    public int resumeStale(Instant now) {
        Timestamp staleBefore = Timestamp.from(now.minus(STALE_AFTER));
        List<UUID> stale = jdbc.sql("select id from bulk_send where status in ('VALIDATING', 'SENDING') and heartbeat_at < ?")
                .param(staleBefore).query(UUID.class).list();
        int resumed = 0;
        for (UUID id : stale) {
            int claimed = jdbc.sql("update bulk_send set heartbeat_at = ? where id = ? and status in ('VALIDATING', 'SENDING') and heartbeat_at < ?")
                    .params(Timestamp.from(now), id, staleBefore).update();
            if (claimed == 1) {
                String status = jdbc.sql("select status from bulk_send where id = ?").param(id).query(String.class).single();
                log.info("Resuming bulk send {} ({}) whose node stopped; rows already sent are not sent again", id, status);
                runs.submit("VALIDATING".equals(status) ? () -> validate(id) : () -> send(id));
                resumed++;
            }
        }
        return resumed;
    }

    private void validate(UUID id) {
        try {
            Job job = job(id);
            if (!validation.run(job, job.confirmFirst())) {
                return;
            }
            Instant now = clock.instant();
            if (job.confirmFirst()) {
                jdbc.sql("update bulk_send set status = 'PREVIEW', heartbeat_at = ? where id = ? and status = 'VALIDATING'")
                        .params(Timestamp.from(now), id).update();
                return;
            }
            int started = jdbc.sql("""
                    update bulk_send set status = 'SENDING', sending_started_at = ?, expires_at = ?, heartbeat_at = ?
                    where id = ? and status = 'VALIDATING'""")
                    .params(Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(job.expiresInDays()))),
                            Timestamp.from(now), id)
                    .update();
            if (started == 1) {
                send(id);
            }
        } catch (RuntimeException e) {
            fail(id, e);
        }
    }

    private void send(UUID id) {
        try {
            Job job = job(id);
            if (delivery.run(job)) {
                int done = jdbc.sql("update bulk_send set status = 'DONE', finished_at = ?, heartbeat_at = ? where id = ? and status = 'SENDING'")
                        .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id).update();
                if (done == 1) {
                    BulkSendStatus status = status(job.tenant(), id).orElseThrow();
                    audit.record(job.actor(), "bulk-send.finished", "BulkSend", id, null, Map.of("accepted", status.accepted(),
                            "rejected", status.rejected(), "sent", status.sent(), "blocked", status.blocked(), "failed", status.failed()));
                }
            }
        } catch (RuntimeException e) {
            fail(id, e);
        }
    }

    private void fail(UUID id, RuntimeException e) {
        log.error("Bulk send {} failed", id, e);
        jdbc.sql("update bulk_send set status = 'FAILED', failure = ?, finished_at = ? where id = ? and status in ('VALIDATING', 'SENDING')")
                .params("The bulk send stopped on an unexpected error; rows already sent stay sent. Upload the rest again.",
                        Timestamp.from(clock.instant()), id)
                .update();
    }

    Job job(UUID id) {
        return jdbc.sql("select * from bulk_send where id = ?").param(id)
                .query((rs, n) -> {
                    TenantId tenant = new TenantId(rs.getObject("tenant_id", UUID.class));
                    Timestamp expiresAt = rs.getTimestamp("expires_at");
                    return new Job(id, tenant, Path.of(rs.getString("stored_path")), rs.getString("file_name"),
                            rs.getString("template"), rs.getInt("expires_in_days"), rs.getBoolean("confirm_first"), expiresAt == null ? null : expiresAt.toInstant(),
                            new Actor(tenant, rs.getString("actor_name"), Actor.Kind.valueOf(rs.getString("actor_kind")),
                                    Role.valueOf(rs.getString("actor_role"))));
                }).single();
    }

    private int expiresInDays(UUID id) {
        return jdbc.sql("select expires_in_days from bulk_send where id = ?").param(id).query(Integer.class).single();
    }

    private void requireStatus(TenantId tenant, UUID id) {
        if (jdbc.sql("select count(*) from bulk_send where tenant_id = ? and id = ?").params(tenant.value(), id)
                .query(Integer.class).single() == 0) {
            throw new NotFound("bulk send", id);
        }
    }

    private BulkSendStatus map(ResultSet rs, boolean detailed) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String status = rs.getString("status");
        long accepted = rs.getLong("accepted");
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> channels = new LinkedHashMap<>();
        jdbc.sql("select status, channel, count(*) from bulk_send_item where bulk_send_id = ? group by status, channel order by channel")
                .param(id)
                .query(row -> {
                    byStatus.merge(row.getString(1), row.getLong(3), Long::sum);
                    channels.merge(row.getString(2), row.getLong(3), Long::sum);
                });
        long pending = byStatus.getOrDefault("PENDING", 0L) + byStatus.getOrDefault("SENDING", 0L);
        long handled = accepted - pending;
        double progress = "VALIDATING".equals(status) ? rs.getInt("percent_read") / 100.0
                : "PREVIEW".equals(status) ? 0 : accepted == 0 ? 1 : (double) handled / accepted;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new BulkSendStatus(id, rs.getString("file_name"), rs.getString("template"), rs.getInt("expires_in_days"), status,
                rs.getLong("total"), accepted, rs.getLong("rejected"), pending, byStatus.getOrDefault("SENT", 0L),
                byStatus.getOrDefault("BLOCKED", 0L), byStatus.getOrDefault("FAILED", 0L), progress, channels,
                detailed ? preview(id) : null, rs.getString("failure"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant(), detailed ? errors(id) : List.of());
    }

    private BulkSendStatus.GatePreview preview(UUID id) {
        long[] counts = new long[2];
        Map<String, Long> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                select preview_allowed, preview_reasons, count(*) from bulk_send_item
                where bulk_send_id = ? and preview_allowed is not null group by preview_allowed, preview_reasons
                order by count(*) desc""")
                .param(id)
                .query(row -> {
                    counts[row.getBoolean(1) ? 0 : 1] += row.getLong(3);
                    if (!row.getBoolean(1)) {
                        reasons.merge(row.getString(2) == null ? "blocked" : row.getString(2), row.getLong(3), Long::sum);
                    }
                });
        return counts[0] + counts[1] == 0 ? null : new BulkSendStatus.GatePreview(counts[0], counts[1], reasons);
    }

    private List<BulkSendStatus.RowError> errors(UUID id) {
        return jdbc.sql("""
                select row_number, column_name, message from bulk_send_error where bulk_send_id = ?
                order by row_number fetch first %d rows only""".formatted(ERRORS_SHOWN))
                .param(id)
                .query((rs, n) -> new BulkSendStatus.RowError(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    @Override
    public void destroy() {
        // Running bulk sends stop here; their heartbeat goes stale and another node (or this one, restarted) resumes them.
        runs.shutdownNow();
    }
}
