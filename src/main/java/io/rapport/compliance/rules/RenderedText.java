package io.rapport.compliance.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain, explainable checks of a rendered message in English and Spanish. The text is compared
 * in lower case without accents, so "demandarlo" and "DEMANDARLO" and "acción" and "accion" match
 * alike. Each check names the phrase it found, so a reason can quote it. One instance per decision:
 * the text is normalized once, whichever policies ask.
 */
final class RenderedText {

    private static final Pattern OPT_OUT_INSTRUCTIONS = patterns(
            "unsubscribe", "opt[ -]?out", "(reply|text|send|respond) \"?stop\"?", "\"?stop\"? to (end|stop|opt|cancel|unsubscribe|quit)",
            "to stop receiving", "(darse|darte|dese|de) de baja", "dar de baja", "cancelar (la |su )?suscripcion",
            "(responda|envie|envia|escriba|conteste|mande)( con)? \"?(stop|alto|baja)\"?", "para (dejar de|no) recibir");

    private static final Pattern THREATS_OF_SUIT = patterns(
            "sue", "sued", "suing", "lawsuits?", "legal (action|actions|proceedings?|steps)", "court", "courts",
            "litigation", "litigate", "judgm?ent", "garnish\\w*", "attorney will", "demanda\\w*", "acci(on|ones) legal(es)?",
            "proceso judicial", "procedimientos? judicial(es)?", "tribunal(es)?", "corte", "juicio", "embarg\\w*");

    private static final Pattern DEBT_COLLECTOR = patterns(
            "debt collector", "cobrador(a)? de deudas", "agencia de cobr(o|anza|os)", "cobrador(a)? de deuda");

    private static final Pattern ATTEMPT_TO_COLLECT = patterns(
            "attempt(ing)? to collect a debt", "trying to collect a debt", "(intento|intentando|intenta|tratando) de? cobrar una deuda",
            "intento de cobro de una deuda");

    private static final Pattern INFORMATION_USED = patterns(
            "information obtained will be used for that purpose", "use any information you give us to help collect the debt",
            "usaremos cualquier informacion que usted nos de para ayudar a cobrar la deuda", "informacion obtenida (sera|se) (usada|utilizada|usara|utilizara)",
            "informacion (que )?(se )?obten\\w* (sera|se) (usada|utilizada|usara|utilizara)");

    private static final Pattern DEBT_REFERENCES = patterns(
            "debts?", "owe", "owed", "owing", "balance", "payments?", "pay", "collect\\w*", "account", "past due", "overdue",
            "amount due", "\\$\\s*\\d", "recovery", "credit", "deudas?", "debe", "adeuda\\w*", "saldo", "pagos?", "pagar",
            "cobr\\w*", "cuenta", "vencid\\w*", "monto");

    private static final Pattern REPLY_REQUESTS = patterns(
            "call", "calling", "return", "reply", "contact (me|us)", "reach (me|us)", "get back", "llame\\w*", "llamenos",
            "comuniquese", "devuelva\\w*", "responda", "contactenos", "contacteme");

    private static final Pattern PERSON_NAMES = patterns(
            "this is [a-z]+", "my name is [a-z]+", "me llamo [a-z]+", "mi nombre es [a-z]+", "le habla [a-z]+", "soy [a-z]+");

    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(\\+?1[ .-]?)?\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]?\\d{4}");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String original;
    private final String normalized;

    private RenderedText(String original) {
        this.original = original;
        this.normalized = normalize(original);
    }

    /** The rendered message, normalized once: the policies of one decision ask it several questions. */
    static RenderedText of(String text) {
        return new RenderedText(text);
    }

    /**
     * The text in lower case, without accents, with typographic quotes made plain and every run of
     * whitespace made one space. Most messages are plain ASCII: those take one pass over the
     * characters, which gives the same text as the general way for any text without accents.
     */
    static String normalize(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                return normalizeUnicode(text);
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r') {
                if (!inSpace) {
                    plain.append(' ');
                    inSpace = true;
                }
                continue;
            }
            inSpace = false;
            plain.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return plain.toString();
    }

    private static String normalizeUnicode(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(decomposed.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')).replaceAll(" ");
    }

    boolean hasOptOutInstruction() {
        return find(OPT_OUT_INSTRUCTIONS).isPresent();
    }

    Optional<String> threatOfSuit() {
        return find(THREATS_OF_SUIT);
    }

    boolean hasDebtCollectorStatement() {
        return find(DEBT_COLLECTOR).isPresent();
    }

    boolean hasMiniMiranda() {
        return hasDebtCollectorStatement() && find(ATTEMPT_TO_COLLECT).isPresent()
                && find(INFORMATION_USED).isPresent();
    }

    Optional<String> debtReference() {
        return find(DEBT_REFERENCES);
    }

    boolean hasReplyRequest() {
        return find(REPLY_REQUESTS).isPresent();
    }

    boolean hasPersonName() {
        return find(PERSON_NAMES).isPresent();
    }

    /** Looked for in the text as written: digits and separators need no normalizing. */
    boolean hasPhoneNumber() {
        return PHONE_NUMBER.matcher(original).find();
    }

    private Optional<String> find(Pattern phrases) {
        Matcher matcher = phrases.matcher(normalized);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /** One pattern for a list of phrases, each a whole word or phrase: one scan of the text per question. */
    private static Pattern patterns(String... phrases) {
        return Pattern.compile("(?<![\\p{L}\\d])(?:" + String.join("|", phrases) + ")(?![\\p{L}\\d])");
    }
}
