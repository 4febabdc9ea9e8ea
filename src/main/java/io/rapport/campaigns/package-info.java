/**
 * Campaigns: payment requests with an unguessable, expiring portal link, sent on the consumer's channels after the
 * contact gate allows each one, reminded before they expire and expired when their time is up; and bulk sends of
 * payment requests from a spreadsheet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns",
        allowedDependencies = {"platform", "accounts", "consent", "compliance", "messaging"})
package io.rapport.campaigns;
