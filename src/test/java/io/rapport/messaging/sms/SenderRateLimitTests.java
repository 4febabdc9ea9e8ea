package io.rapport.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SenderRateLimitTests {

    private final Instant now = Instant.parse("2026-01-05T15:00:00Z");

    @Test
    void theSecondTextFromTheSameNumberInOneSecondWaitsForTheNextSlot() {
        SenderRateLimit limit = new SenderRateLimit(1);
        assertThat(limit.reserve("+15550100100", now)).isZero();
        assertThat(limit.reserve("+15550100100", now)).isEqualTo(Duration.ofSeconds(1));
        assertThat(limit.reserve("+15550100100", now)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anotherSenderNumberDoesNotWait() {
        SenderRateLimit limit = new SenderRateLimit(1);
        limit.reserve("+15550100100", now);
        assertThat(limit.reserve("+15550100200", now)).isZero();
    }

    @Test
    void aSenderThatWasQuietSendsAtOnce() {
        SenderRateLimit limit = new SenderRateLimit(10);
        limit.reserve("+15550100100", now);
        assertThat(limit.reserve("+15550100100", now.plusSeconds(5))).isZero();
    }
}
