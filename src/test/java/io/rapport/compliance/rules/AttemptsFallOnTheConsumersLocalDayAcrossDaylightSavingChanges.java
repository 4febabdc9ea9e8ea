package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.Direction;
import io.rapport.compliance.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The local day of each attempt, worked out once per zone, is the day of the consumer's own calendar. */
class AttemptsFallOnTheConsumersLocalDayAcrossDaylightSavingChanges {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Phoenix"),
            ZoneId.of("Pacific/Honolulu"), ZoneId.of("America/Adak"), ZoneId.of("UTC"), ZoneId.of("Europe/London"));

    @Test
    void everyAttemptAroundTheSpringAndAutumnChangesFallsOnItsLocalDay() {
        List<ContactAttempt> attempts = new ArrayList<>();
        // Every 37 minutes across both US changes of 2025 and the turn of the year, in no particular order.
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        for (int i = 0; i < 14_000; i++) {
            Instant at = start.plus(Duration.ofMinutes(37L * ((i * 7919L) % 14_000)));
            attempts.add(new ContactAttempt(at, Channel.CALL, Direction.OUTBOUND, "+12125550100", List.of("D1"),
                    Outcome.NO_ANSWER));
        }
        // And exactly at the instants the clocks change, and the second before.
        for (String change : List.of("2025-03-09T07:00:00Z", "2025-11-02T06:00:00Z", "2025-03-09T12:00:00Z")) {
            Instant at = Instant.parse(change);
            attempts.add(new ContactAttempt(at, Channel.CALL, Direction.OUTBOUND, null, List.of(), null));
            attempts.add(new ContactAttempt(at.minusNanos(1), Channel.CALL, Direction.OUTBOUND, null, List.of(), null));
        }

        for (ZoneId zone : ZONES) {
            long[] days = LocalDays.epochDays(attempts, zone);
            for (int i = 0; i < attempts.size(); i++) {
                assertThat(days[i]).as("%s in %s", attempts.get(i).at(), zone)
                        .isEqualTo(attempts.get(i).at().atZone(zone).toLocalDate().toEpochDay());
            }
        }
    }

    @Test
    void aContactWithoutHistoryHasNoDays() {
        assertThat(LocalDays.epochDays(List.of(), ZoneId.of("America/New_York"))).isEmpty();
    }
}
