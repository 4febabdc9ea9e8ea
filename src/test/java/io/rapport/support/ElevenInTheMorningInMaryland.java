package io.rapport.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock stands still at 11:00 in Maryland on a weekday (2026-03-17T15:00Z), so the time of day
 * never decides a test by accident. Tests that import it share one application context.
 */
@TestConfiguration
public class ElevenInTheMorningInMaryland {

    public static final Instant NOW = Instant.parse("2026-03-17T15:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
