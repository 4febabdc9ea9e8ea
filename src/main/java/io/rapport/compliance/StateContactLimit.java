package io.rapport.compliance;

import java.util.Objects;
import java.util.Set;

/**
 * One state limit on how often a consumer may be contacted, as data: at most {@code max} initiated
 * contacts on {@code channels} within a rolling window of {@code days} days, to the numbers of
 * {@code numbers}, per debt or per consumer.
 *
 * @param state       the mailing-address state it applies to
 * @param rule        the rule id reported when it blocks (ST-MA-01, ST-WA-01, ...)
 * @param citation    where the limit comes from
 * @param description the limit in words
 * @param counts      outcomes of earlier outbound contacts that count toward the limit
 */
public record StateContactLimit(String state, String rule, String citation, String description, Set<Channel> channels,
                                NumberScope numbers, int max, int days, boolean perDebt, Set<Outcome> counts) {

    /** Which phone numbers a limit is about. */
    public enum NumberScope {
        /** Every channel and number. */
        ANY,
        /** The consumer's residence and mobile numbers. */
        PERSONAL,
        /** Work and other numbers. */
        NOT_PERSONAL
    }

    public StateContactLimit {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rule, "rule");
        channels = Set.copyOf(channels);
        counts = Set.copyOf(counts);
        if (max < 1 || days < 1) {
            throw new IllegalArgumentException(rule + ": max and days must be at least 1");
        }
    }
}
