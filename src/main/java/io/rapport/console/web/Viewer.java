package io.rapport.console.web;

import io.rapport.platform.Role;

/**
 * The signed-in person as the console pages show them: their name and role, and which parts
 * of the console their role opens. Navigation hides what the role may not use; the security
 * rules enforce it.
 */
public record Viewer(String username, String displayName, Role role) {

    public boolean canChangeAccounts() {
        return role.canChangeAccounts();
    }

    /** Admins, compliance staff and supervisors review what the contact gate blocked. */
    public boolean canReviewCompliance() {
        return role == Role.ADMIN || role == Role.COMPLIANCE || role == Role.SUPERVISOR;
    }

    /** Supervisors, compliance staff and admins place and release holds and flags; agents read them. */
    public boolean canManageHolds() {
        return role == Role.ADMIN || role == Role.COMPLIANCE || role == Role.SUPERVISOR;
    }

    /** Everyone but viewers may send a debt's validation notice now. */
    public boolean canSendNotices() {
        return role != Role.VIEWER;
    }

    /** Admins and supervisors send payment requests to many accounts at once. */
    public boolean canSendInBulk() {
        return role == Role.ADMIN || role == Role.SUPERVISOR;
    }

    public boolean canReadAudit() {
        return role.canReadAudit();
    }

    public boolean canManageApiKeys() {
        return role == Role.ADMIN;
    }

    public String roleLabel() {
        return role.name().charAt(0) + role.name().substring(1).toLowerCase();
    }
}
