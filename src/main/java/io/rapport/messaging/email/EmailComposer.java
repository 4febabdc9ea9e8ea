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
