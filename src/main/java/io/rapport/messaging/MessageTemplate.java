package io.rapport.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a message template of a creditor, for one channel and language. The author writes plain text with
 * merge fields ({@code {{consumer.firstName}}}); the system adds the branding and the required disclosures.
 * Lifecycle: every save adds a version; old versions stay readable, and each message records the version it used.
 */
public record MessageTemplate(TemplateId id, UUID creditorId, Channel channel, String language, String name, int version,
        String subject, String body, Instant savedAt, String savedBy) {
}
