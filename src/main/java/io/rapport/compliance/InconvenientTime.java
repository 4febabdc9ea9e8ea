package io.rapport.compliance;

import java.time.LocalTime;

/**
 * A local time range the consumer said is inconvenient, from inclusive to exclusive. A range
 * whose end is before its start wraps past midnight ({@code 20:00}-{@code 09:00}); equal ends
 * mean the whole day.
 */
public record InconvenientTime(LocalTime from, LocalTime to) {
}
