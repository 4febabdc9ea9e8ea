package io.rapport.messaging.email;

import com.samskivert.mustache.Template;
import io.rapport.accounts.Creditor;
import io.rapport.messaging.templates.Disclosures;
import io.rapport.messaging.templates.Layouts;
import io.rapport.messaging.templates.TemplateRendering;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds the branded email around the author's text: an HTML part in the creditor's colours and a plain-text part,
 * both with the debt-collector statement and an unsubscribe link, every link passed through {@code links} (tracked
 * when sent, as written in a preview) and the open pixel when there is one.
 */
public final class EmailComposer {

    public record Composed(String subject, String text, String html) {
    }

    private static final Template LAYOUT = Layouts.load("email.html");

    private EmailComposer() {
    }

    /**
     * A document the system composed, with the unsubscribe instruction and link added to its HTML (before the end of
     * its body) and to its text.
     */
    public static Composed document(io.rapport.messaging.SystemDocument document, String unsubscribeUrl) {
        String language = document.language();
        String footer = "<p style=\"font-size:13px;color:#333333;margin:24px 0 0 0\">"
                + Layouts.escape(Disclosures.unsubscribe(language)) + " <a href=\"" + Layouts.escape(unsubscribeUrl) + "\">"
                + Layouts.escape(Disclosures.unsubscribeLabel(language)) + "</a></p>";
        String html = document.html();
        int end = html.lastIndexOf("</body>");
        html = end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
        String text = document.text() + "\n\n-- \n" + Disclosures.unsubscribe(language) + " " + unsubscribeUrl + "\n";
        return new Composed(document.subject(), text, html);
    }

    public static Composed compose(String language, Creditor creditor, TemplateRendering.Rendered rendered,
            UnaryOperator<String> links, String pixelUrl, String unsubscribeUrl) {
        Creditor.Branding b = creditor.branding();
        String sender = Layouts.senderName(creditor);
        Map<String, Object> model = new HashMap<>();
        model.put("language", language);
        model.put("subject", rendered.subject());
        model.put("senderName", sender);
        model.put("primaryColor", Layouts.color(b.primaryColor(), "#1f4e79"));
        model.put("accentColor", Layouts.color(b.accentColor(), "#1f4e79"));
        if (b.logoUrl() != null && b.logoUrl().startsWith("https://")) {
            model.put("logoUrl", b.logoUrl());
        }
        model.put("bodyHtml", Layouts.paragraphs(rendered.body(), links));
        model.put("disclosure", Disclosures.debtCollector(language));
        model.put("supportPhone", b.supportPhone());
        model.put("supportHours", b.supportHours());
        model.put("licenceNumbers", b.licenceNumbers());
        model.put("unsubscribeText", Disclosures.unsubscribe(language));
        model.put("unsubscribeLabel", Disclosures.unsubscribeLabel(language));
        model.put("unsubscribeUrl", unsubscribeUrl);
        model.put("pixelUrl", pixelUrl);
        String html = LAYOUT.execute(model);

        StringBuilder text = new StringBuilder(Layouts.relink(rendered.body(), links)).append("\n\n-- \n")
                .append(Disclosures.debtCollector(language)).append("\n");
        if (b.supportPhone() != null) {
            text.append(sender).append(" · ").append(b.supportPhone()).append("\n");
        }
        text.append(Disclosures.unsubscribe(language)).append(' ').append(unsubscribeUrl).append("\n");
        return new Composed(rendered.subject(), text.toString(), html);
    }
}
