package io.rapport.messaging.letters;

import com.samskivert.mustache.Template;
import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.Creditor;
import io.rapport.accounts.Placement;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.messaging.templates.Disclosures;
import io.rapport.messaging.templates.Layouts;
import io.rapport.messaging.templates.MergeFields;
import io.rapport.messaging.templates.TemplateRendering;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a letter as XHTML for the PDF renderer: the creditor's letterhead in its colours, the consumer's postal
 * address, the author's text, the debts with masked account numbers, the payment box with a QR code of the payment
 * link, and the debt-collector statement.
 */
public final class LetterComposer {

    private static final Template LAYOUT = Layouts.load("letter.html");

    private LetterComposer() {
    }

    public static String compose(String language, Creditor creditor, AccountDetails account,
            TemplateRendering.Rendered rendered, PaymentRequestDetails payment, LocalDate date) {
        Locale locale = MergeFields.locale(language);
        boolean es = "es".equals(language);
        Creditor.Branding b = creditor.branding();
        Map<String, Object> model = new HashMap<>();
        model.put("language", language);
        model.put("senderName", Layouts.senderName(creditor));
        model.put("primaryColor", Layouts.color(b.primaryColor(), "#1f4e79"));
        model.put("accentColor", Layouts.color(b.accentColor(), "#1f4e79"));
        // Letters embed images only from data: URIs; the renderer never fetches from the network.
        if (b.logoUrl() != null && b.logoUrl().startsWith("data:image/")) {
            model.put("logoUrl", b.logoUrl());
        }
        model.put("supportPhone", b.supportPhone());
        model.put("supportHours", b.supportHours());
        model.put("licenceNumbers", b.licenceNumbers());
        model.put("disputeAddress", b.disputeAddress());
        model.put("date", MergeFields.date(date, locale));
        model.put("consumerName", account.consumerName());
        Placement.PostalAddress address = account.consumer().address();
        if (address != null) {
            model.put("address", address);
        }
        model.put("bodyHtml", Layouts.paragraphs(rendered.body(), url -> url).replace("<br/>", "<br />"));
        model.put("debts", account.debts().stream().map(d -> Map.of("creditor", d.currentCreditor(),
                "accountNumber", "****" + d.accountNumberLast4(), "balance", MergeFields.money(d.currentBalance(), locale)))
                .toList());
        if (payment != null) {
            Map<String, Object> pay = new HashMap<>();
            pay.put("amount", MergeFields.money(payment.amount(), locale));
            pay.put("link", payment.link());
            pay.put("qrCode", QrCodes.dataUri(payment.link()));
            if (payment.expiresAt() != null) {
                pay.put("expiresOn", MergeFields.date(payment.expiresAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(), locale));
            }
            model.put("payment", List.of(pay));
        }
        model.put("labels", es
                ? Map.of("creditor", "Acreedor", "accountNumber", "Número de cuenta", "balance", "Saldo",
                        "payNow", "Pague en línea o escanee el código:", "until", "Válido hasta el", "scan", "Código QR para pagar")
                : Map.of("creditor", "Creditor", "accountNumber", "Account number", "balance", "Balance",
                        "payNow", "Pay online or scan the code:", "until", "Valid until", "scan", "QR code to pay"));
        model.put("disclosure", Disclosures.debtCollector(language));
        return LAYOUT.execute(model);
    }
}
