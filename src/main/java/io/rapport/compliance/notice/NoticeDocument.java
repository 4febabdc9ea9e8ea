package io.rapport.compliance.notice;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lays a validation notice out as well-formed XHTML: as a printed letter with the tear-off response form, or as an
 * accessible email (language attribute, headings, an itemization table with header cells, alternative text, dark text
 * on white). Every value is HTML-escaped.
 */
public final class NoticeDocument {

    private static final Template TEMPLATE = load("/compliance/validation-notice.html");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String DEFAULT_COLOR = "#1f4e79";

    private NoticeDocument() {
    }

    /** The letter, for the PDF renderer: images only from {@code data:} URIs. */
    public static String letter(NoticeContent notice) {
        return render(notice, true);
    }

    /** The email's HTML body. */
    public static String email(NoticeContent notice) {
        return render(notice, false);
    }

    /** The title of the notice with the collector's name, as an email's subject. */
    public static String subject(NoticeContent notice) {
        return NoticeWording.of(notice).get("title") + " - " + notice.collectorName();
    }

    private static final Pattern HIDDEN = Pattern.compile("(?is)<(head|style|script)\\b.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f\\r]+");

    /**
     * The notice's words as plain text, from its HTML: what the email's text part carries and what the contact gate
     * reads. Block ends become line breaks; the few entities the layout writes are decoded.
     */
    public static String text(String html) {
        String text = HIDDEN.matcher(html).replaceAll(" ");
        text = text.replaceAll("(?i)<br\\s*/?>|</(p|div|h[1-6]|li|tr|table|address)>", "\n");
        text = TAG.matcher(text).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&#x2F;", "/").replace("&#x3D;", "=")
                .replace("&#x60;", "`").replace("&amp;", "&");
        return BLANKS.matcher(text).replaceAll(" ").lines().map(String::strip).filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String render(NoticeContent n, boolean letter) {
        Map<String, Object> model = new HashMap<>();
        model.put("letter", letter);
        model.put("lang", n.language().code());
        model.put("w", NoticeWording.of(n));
        model.put("collectorName", n.collectorName());
        // The collector's name heads the address already; a dispute address that repeats it is not printed twice.
        model.put("disputeAddress", n.disputeAddress().lines().map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase(n.collectorName())).toList());
        model.put("supportPhone", n.supportPhone());
        model.put("supportHours", n.supportHours());
        String logo = n.logoUrl();
        if (logo != null && (logo.startsWith("data:image/") || (!letter && logo.startsWith("https://")))) {
            model.put("logoUrl", logo);
        }
        model.put("color", readableColor(n.brandColor()));
        model.put("consumerName", n.consumerName());
        model.put("consumerAddress", n.consumerAddress());
        model.put("reference", n.reference());
        model.put("noticeDate", NoticeWording.date(n.sentOn(), n.language()));
        model.put("amountThen", NoticeWording.money(n.amountOnItemizationDate(), n.language()));
        model.put("interest", NoticeWording.money(n.interest(), n.language()));
        model.put("fees", NoticeWording.money(n.fees(), n.language()));
        model.put("payments", NoticeWording.money(n.payments(), n.language()));
        model.put("total", NoticeWording.money(n.currentTotal(), n.language()));
        model.put("electronicDisputeAddress", n.electronicDisputeAddress());
        return TEMPLATE.execute(model);
    }

    /**
     * The brand colour when dark text would not be needed to read it: headings in the brand colour must keep a contrast
     * of at least 4.5:1 on white (WCAG 2.1 AA), otherwise they are drawn in a dark blue.
     */
    static String readableColor(String color) {
        if (color == null || !COLOR.matcher(color).matches()) {
            return DEFAULT_COLOR;
        }
        double luminance = 0.2126 * channel(color, 1) + 0.7152 * channel(color, 3) + 0.0722 * channel(color, 5);
        double contrast = 1.05 / (luminance + 0.05);
        return contrast >= 4.5 ? color : DEFAULT_COLOR;
    }

    private static double channel(String color, int at) {
        double c = Integer.parseInt(color.substring(at, at + 2), 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Template load(String name) {
        try (Reader reader = new InputStreamReader(NoticeDocument.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            return Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true).defaultValue("").compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
