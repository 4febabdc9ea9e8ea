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

    private static final java.util.regex.Pattern ROW_FIELD =
            java.util.regex.Pattern.compile("\\{\\{\\{?\\s*&?\\s*row\\.([^\\s}]+)\\s*}?}}");

    /**
     * The spreadsheet columns this template prints ({@code {{row.invoice_number}}}), as written; a column matches loosely (see
     * {@link io.rapport.platform.SpreadsheetRows#normalize}); a bulk send rejects a row that has no value for one.
     * A field used only inside a section ({@code {{#row.note}}...{{/row.note}}}) is optional and not listed.
     */
    public java.util.Set<String> requiredRowFields() {
        java.util.Set<String> fields = new java.util.TreeSet<>();
        for (String part : new String[] {subject, body}) {
            if (part != null) {
                java.util.regex.Matcher matcher = ROW_FIELD.matcher(part);
                while (matcher.find()) {
                    String field = matcher.group(1);
                    if (!part.contains("{{#row." + field + "}}")) {
                        fields.add(field);
                    }
                }
            }
        }
        return fields;
    }
}
