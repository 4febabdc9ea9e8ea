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
     * Warn, without blocking, when a contact would be more than 3 in a local day or more than 10 in
     * 7 days. One debt's lawful cadence (a call a day, a letter, an email) stays below these; a
     * consumer with several debts or channels reaching them is receiving a volume a supervisor
     * should look at.
     */
    public static GateSettings defaults() {
        return new GateSettings(3, 10, false);
    }
}
