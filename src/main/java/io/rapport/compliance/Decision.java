package io.rapport.compliance;

/** The verdict of the contact gate. */
public enum Decision {
    ALLOW, BLOCK
}
