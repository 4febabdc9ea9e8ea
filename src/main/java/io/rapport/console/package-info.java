/**
 * Console: the web pages where agents, supervisors, compliance staff and admins sign in, find
 * and read accounts, import placements, ask for payments with expiring links, one by one or in bulk, read the demo's mailbox and text outbox, review the audit log and manage API keys.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console", allowedDependencies = {"platform", "accounts", "messaging", "compliance", "campaigns"})
package io.rapport.console;
