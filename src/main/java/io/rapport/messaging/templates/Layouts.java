package io.rapport.messaging.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.rapport.accounts.Creditor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system's own HTML layouts (email and letter), which carry the branding and the disclosures around the author's
 * text. Every value is HTML-escaped; only the body, already escaped here, is inserted as markup.
 */
public final class Layouts {

    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true)
            .defaultValue("");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}");

    private Layouts() {
    }

    public static Template load(String name) {
        try (Reader reader = new InputStreamReader(Layouts.class.getResourceAsStream("/messaging/" + name),
                StandardCharsets.UTF_8)) {
            return HTML.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Author text as HTML paragraphs, with every link pointing where {@code links} says. */
    public static String paragraphs(String text, java.util.function.UnaryOperator<String> links) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(linkify(paragraph.strip(), links).replace("\n", "<br/>")).append("</p>\n");
        }
        return html.toString();
    }

    /** Author text with every link replaced by what {@code links} says (the tracked link in an email). */
    public static String relink(String text, java.util.function.UnaryOperator<String> links) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = trimPunctuation(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(links.apply(url) + m.group().substring(url.length())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String linkify(String text, java.util.function.UnaryOperator<String> links) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String url = trimPunctuation(m.group());
            out.append(escape(text.substring(last, m.start())));
            out.append("<a href=\"").append(escape(links.apply(url))).append("\">").append(escape(url)).append("</a>");
            last = m.start() + url.length();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    private static String trimPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** A colour from the branding if it is a CSS hex colour, otherwise the fallback (no CSS can be injected). */
    public static String color(String value, String fallback) {
        return value != null && COLOR.matcher(value).matches() ? value : fallback;
    }

    public static String senderName(Creditor creditor) {
        String name = creditor.branding().senderName();
        return name == null || name.isBlank() ? creditor.name() : name;
    }
}
