package io.rapport.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock fixed at 11:00 in Maryland on a weekday (Tuesday 17 March 2026), for tests that send
 * messages through the gate and must never be decided by the time of day.
 */
@TestConfiguration
public class ElevenInTheMorningInMaryland {

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(Instant.parse("2026-03-17T15:00:00Z"), ZoneOffset.UTC);
    }
}
