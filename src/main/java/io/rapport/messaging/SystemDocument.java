package io.rapport.messaging;

import io.rapport.messaging.templates.Disclosures;
import java.util.Objects;

/**
 * A document Rapport composes itself rather than from an author's template, such as a validation notice: sent as it
 * is, on the strength of the gate's {@link ApprovedContact} like every message. A letter is printed from its XHTML;
 * an email carries its HTML and text with the unsubscribe instruction every email carries (1006.6(e)).
 *
 * @param kind     what the document is, for the message log (e.g. {@code validation-notice})
 * @param language {@code en} or {@code es}
 * @param subject  the email's subject; ignored for a letter
 * @param html     well-formed XHTML: the letter, or the email's HTML body
 * @param text     the same content as plain text (the email's text part)
 */
public record SystemDocument(String kind, String language, String subject, String html, String text) {

    public SystemDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The text the consumer receives on the channel: what the contact gate must judge. An email adds the unsubscribe
     * instruction to the document's own text.
     */
    public String textAsSent(Channel channel) {
        return channel == Channel.EMAIL ? (subject == null ? "" : subject + "\n") + text + "\n\n" + Disclosures.unsubscribe(language)
                : text;
    }
}
