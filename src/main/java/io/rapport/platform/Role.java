package io.rapport.platform;

/** What a console user may do. API keys act with full rights inside their own tenant. */
public enum Role {
    /** Manages users, API keys and settings; reads the audit log. */
    ADMIN,
    /** Runs the floor: everything an agent does, plus queues, strategies and reports. */
    SUPERVISOR,
    /** Works accounts: reads them, records contacts, takes payments. */
    AGENT,
    /** Reviews contact decisions, holds, disputes and the audit log. */
    COMPLIANCE,
    /** Reads accounts and reports, changes nothing. */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that may change account data (import, place, edit). */
    public boolean canChangeAccounts() {
        return this == ADMIN || this == SUPERVISOR || this == AGENT;
    }

    public boolean canReadAudit() {
        return this == ADMIN || this == COMPLIANCE;
    }
}
