package io.rapport.messaging.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.Creditor;
import io.rapport.messaging.Channel;
import io.rapport.messaging.MessageTemplate;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.platform.InvalidRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders template text with Mustache (JMustache): logic-less, so a template can only print the merge fields it is
 * given, never call methods or reach other objects. A field that does not exist, or has no value, is an error, not an
 * empty string; {@link #check} finds both when the template is saved by rendering it against a complete sample and a
 * sample without any of the optional values.
 */
@Component
public class TemplateRendering {

    /** The author's part, rendered: plain text; channels add the layout, branding and disclosures. */
    public record Rendered(String subject, String body) {
    }

    /** How many compiled sources are kept: a bulk send renders the same few for every row. */
    private static final int REMEMBERED = 1_000;

    /** Compiled templates by source text (a compiled template renders on any thread; a changed source is a new key). */
    private final Map<String, Template> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).strictSections(false)
            .emptyStringIsFalse(true);

    public void check(Channel channel, String subject, String body) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        if (channel == Channel.EMAIL && (subject == null || subject.isBlank())) {
            errors.add(new InvalidRequest.FieldError("subject", "is required for email"));
        }
        if (subject != null && subject.length() > 300) {
            errors.add(new InvalidRequest.FieldError("subject", "is longer than 300 characters"));
        }
        if (body == null || body.isBlank()) {
            errors.add(new InvalidRequest.FieldError("body", "is required"));
        } else if (body.length() > 20000) {
            errors.add(new InvalidRequest.FieldError("body", "is longer than 20000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        checkPart("subject", subject, channel);
        checkPart("body", body, channel);
    }

    private void checkPart(String part, String source, Channel channel) {
        if (source == null) {
            return;
        }
        Template template = compile(part, source);
        render(part, template, SampleContext.complete(), "");
        String sparse = render(part, template, SampleContext.withoutOptionalValues(),
                " when the account has no such value; show it inside a section, e.g. {{#payment.settlement}}...{{/payment.settlement}}");
        if (sparse.isBlank() || render(part, template, SampleContext.complete(), "").isBlank()) {
            throw InvalidRequest.of(part, "renders empty; write the message the consumer should read");
        }
    }

    public Rendered render(MessageTemplate template, AccountDetails account, Creditor creditor, PaymentRequestDetails payment) {
        Map<String, Object> context = MergeFields.of(account, creditor, payment, template.language());
        String subject = template.subject() == null ? null
                : render("subject", compile("subject", template.subject()), context, "").strip();
        String body = render("body", compile("body", template.body()), context, "").strip();
        if (body.isBlank()) {
            throw InvalidRequest.of("body", "renders empty for this account");
        }
        return new Rendered(subject, body);
    }

    private Template compile(String part, String source) {
        Template known = compiled.get(source);
        if (known != null) {
            return known;
        }
        try {
            Template template = compiler.compile(source);
            if (compiled.size() >= REMEMBERED) {
                compiled.clear();
            }
            compiled.put(source, template);
            return template;
        } catch (MustacheException e) {
            throw InvalidRequest.of(part, "is not a valid template: " + e.getMessage());
        }
    }

    private static String render(String part, Template template, Map<String, Object> context, String hint) {
        try {
            return template.execute(context);
        } catch (MustacheException.Context e) {
            boolean known = SampleContext.knows(e.key);
            throw InvalidRequest.of(part, known
                    ? "merge field '" + e.key + "' on line " + e.lineNo + " has no value" + hint
                    : "unknown merge field '" + e.key + "' on line " + e.lineNo + "; known fields: " + SampleContext.FIELDS);
        } catch (MustacheException e) {
            throw InvalidRequest.of(part, "cannot be rendered: " + e.getMessage());
        }
    }

    /** A bulk send's row in the sample: any column has a value, since the template cannot know the file. */
    private static final class AnyColumn extends java.util.AbstractMap<String, Object> {

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String;
        }

        @Override
        public Object get(Object key) {
            return key instanceof String ? "sample " + key : null;
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return java.util.Set.of();
        }
    }

    /** The sample values the save-time check renders with. */
    static final class SampleContext {

        static final List<String> FIELDS = List.of("consumer.firstName", "consumer.lastName", "consumer.name",
                "account.reference", "account.balance", "debt.creditor", "debt.originalCreditor", "debt.accountNumber",
                "debt.itemizationDate", "debt.amountOnItemizationDate", "debt.interest", "debt.fees", "debt.payments",
                "debt.balance", "debts", "payment.amount", "payment.link", "payment.expiresOn", "payment.settlement",
                "payment.settlement.amount", "payment.settlement.validUntil", "creditor.name", "creditor.senderName",
                "creditor.supportPhone", "creditor.supportHours", "creditor.licenceNumbers", "creditor.disputeAddress",
                "row.<column of a bulk send's file>");

        private SampleContext() {
        }

        static boolean knows(String key) {
            if (FIELDS.contains(key) || key.startsWith("row.")) {
                return true;
            }
            // Inside {{#debts}} a field is named without its prefix.
            return FIELDS.contains("debt." + key) || FIELDS.stream().anyMatch(f -> f.endsWith("." + key));
        }

        static Map<String, Object> complete() {
            return build(true);
        }

        static Map<String, Object> withoutOptionalValues() {
            return build(false);
        }

        private static Map<String, Object> build(boolean optional) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("consumer", Map.of("firstName", "Ana", "lastName", "Diaz", "name", "Ana Diaz"));
            context.put("account", Map.of("reference", "CRM-1001", "balance", "$2,284.56"));
            Map<String, Object> debt = new LinkedHashMap<>();
            debt.put("creditor", "Bank of Rockville");
            debt.put("originalCreditor", "Bank of Rockville");
            debt.put("accountNumber", "****6789");
            debt.put("itemizationDate", "January 2, 2025");
            debt.put("amountOnItemizationDate", "$2,234.56");
            debt.put("interest", "$75.00");
            debt.put("fees", "$25.00");
            debt.put("payments", "$50.00");
            debt.put("balance", "$2,284.56");
            context.put("debt", debt);
            context.put("debts", List.of(debt));
            Map<String, Object> payment = new LinkedHashMap<>();
            payment.put("amount", "$2,284.56");
            payment.put("link", "https://pay.example/p/sample");
            payment.put("expiresOn", "August 1, 2025");
            if (optional) {
                payment.put("settlement", Map.of("amount", "$1,800.00", "validUntil", "July 31, 2025"));
            }
            context.put("payment", payment);
            Map<String, Object> creditor = new LinkedHashMap<>();
            creditor.put("name", "Bank of Rockville");
            creditor.put("senderName", "Bank of Rockville");
            if (optional) {
                creditor.put("supportPhone", "+1 301 555 0100");
                creditor.put("supportHours", "Mon-Fri 9-5");
                creditor.put("licenceNumbers", "MD 1234");
                creditor.put("disputeAddress", "PO Box 1, Bethesda MD");
            }
            context.put("creditor", creditor);
            context.put("row", new AnyColumn());
            return context;
        }
    }
}
