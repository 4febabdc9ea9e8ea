package io.rapport.compliance;

/** Who started a contact in the history. */
public enum Direction {
    OUTBOUND, INBOUND
}
