package io.rapport.compliance;

/**
 * A tenant's settings for the contact gate: the caps of FREQ-03 on the total volume of contacts
 * with one consumer, across all debts and channels (credit reporting excluded).
 *
 * @param maxContactsPerDay  contacts allowed per consumer per local calendar day
 * @param maxContactsPerWeek contacts allowed per consumer in 7 consecutive local calendar days
 * @param blockWhenExceeded  block a contact over a cap instead of only warning
 */
public record GateSettings(int maxContactsPerDay, int maxContactsPerWeek, boolean blockWhenExceeded) {

    public GateSettings {
        if (maxContactsPerDay < 1 || maxContactsPerWeek < 1) {
            throw new IllegalArgumentException("contact caps must be at least 1");
        }
    }

    /**
     * Warn (do not block) when a contact would be the 4th in a day or the 11th in a week. Three a
     * day and ten a week are above what the call presumptions of Regulation F allow per debt only
     * when a consumer has several debts or channels, which is exactly when volume becomes harassing.
     */
    public static GateSettings defaults() {
        return new GateSettings(3, 10, false);
    }
}
