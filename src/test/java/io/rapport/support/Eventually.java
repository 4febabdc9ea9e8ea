package io.rapport.support;

import java.time.Duration;
import java.time.Instant;

/**
 * Waits for what happens right after a transaction commits (a message handed to its provider on a dispatcher
 * thread): the check is repeated until it passes, for at most ten seconds, and its last failure is reported.
 */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** A check that throws (an AssertJ assertion) while it does not hold yet. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    public static void holds(Check check) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                check.run();
                return;
            } catch (Exception | AssertionError notYet) {
                if (Instant.now().isAfter(giveUp)) {
                    throw notYet instanceof AssertionError a ? a : new AssertionError(notYet);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
