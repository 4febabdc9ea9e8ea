/**
 * Messaging: versioned templates with the creditor's branding and the required disclosures, the email, SMS and
 * letter channels, inbound replies and opt-out keywords, and the tracking of every message from sent to replied.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging", allowedDependencies = {"platform", "accounts", "consent"})
package io.rapport.messaging;
