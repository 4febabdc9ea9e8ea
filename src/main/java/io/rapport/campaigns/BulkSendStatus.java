package io.rapport.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a bulk send stands. The counts of the queue are read from its items, so they never disagree with what was
 * sent: {@code accepted = pending + sent + blocked + failed} once validation is over.
 *
 * @param status    VALIDATING, PREVIEW (awaiting confirmation), SENDING, DONE, FAILED or CANCELLED
 * @param progress  a fraction from 0 to 1: while validating, of the file read; afterwards, of the accepted rows handled
 * @param channels  accepted rows per channel they will be (or were) sent on
 * @param preview   what the contact gate would decide now for the accepted rows, when asked before confirming
 * @param errors    the first rejected rows, numbered from 1 for the first data row
 */
public record BulkSendStatus(UUID id, String fileName, String template, int expiresInDays, String status, long total,
        long accepted, long rejected, long pending, long sent, long blocked, long failed, double progress,
        Map<String, Long> channels, GatePreview preview, String failure, Instant createdAt, Instant finishedAt,
        List<RowError> errors) {

    public static final List<String> STATES = List.of("VALIDATING", "PREVIEW", "SENDING", "DONE", "FAILED", "CANCELLED");

    /** A rejected row: its number (1 = first data row), the column to fix and why. */
    public record RowError(long row, String column, String message) {
    }

    /**
     * The gate asked, without sending, about each accepted row's channel: how many would go out now, how many it
     * would block, and the reasons with how many rows each blocks.
     */
    public record GatePreview(long wouldSend, long wouldBlock, Map<String, Long> blockedBecause) {
    }

    public boolean isRunning() {
        return "VALIDATING".equals(status) || "SENDING".equals(status);
    }

    public boolean awaitsConfirmation() {
        return "PREVIEW".equals(status);
    }

    public int percent() {
        return (int) Math.floor(progress * 100);
    }
}
