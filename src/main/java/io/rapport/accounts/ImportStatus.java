package io.rapport.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where an import stands. {@code status} is RUNNING, DONE or FAILED (the file as a whole could
 * not be read: {@code failure} says why). {@code errors} holds the first rejected rows; the
 * error report has all of them. {@code warnings} name ignored columns.
 */
public record ImportStatus(UUID id, String fileName, String status, long total, long accepted, long rejected, int percent,
        String failure, Instant startedAt, Instant finishedAt, List<String> warnings, List<ImportError> errors) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public boolean isRunning() {
        return RUNNING.equals(status);
    }
}
