package io.rapport.compliance;

import java.time.ZoneId;

/**
 * A time zone the consumer may be in, and which fact says so ("address NY 10001", "phone +1 213",
 * "known zone"), so that a reason can name where an hour is inconvenient.
 */
public record CandidateZone(ZoneId zone, String source) {

    @Override
    public String toString() {
        return zone.getId() + " (" + source + ")";
    }
}
