package io.rapport.compliance.rules;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain, explainable checks of a rendered message in English and Spanish. The text is compared
 * in lower case without accents, so "demandarlo" and "DEMANDARLO" and "acción" and "accion" match
 * alike. Each check names the phrase it found, so a reason can quote it.
 */
final class RenderedText {

    private static final List<Pattern> OPT_OUT_INSTRUCTIONS = patterns(
            "unsubscribe", "opt[ -]?out", "(reply|text|send|respond) \"?stop\"?", "\"?stop\"? to (end|stop|opt|cancel|unsubscribe|quit)",
            "to stop receiving", "(darse|darte|dese|de) de baja", "dar de baja", "cancelar (la |su )?suscripcion",
            "(responda|envie|envia|escriba|conteste|mande)( con)? \"?(stop|alto|baja)\"?", "para (dejar de|no) recibir");

    private static final List<Pattern> THREATS_OF_SUIT = patterns(
            "sue", "sued", "suing", "lawsuits?", "legal (action|actions|proceedings?|steps)", "court", "courts",
            "litigation", "litigate", "judgm?ent", "garnish\\w*", "attorney will", "demanda\\w*", "acci(on|ones) legal(es)?",
            "proceso judicial", "procedimientos? judicial(es)?", "tribunal(es)?", "corte", "juicio", "embarg\\w*");

    private static final List<Pattern> DEBT_COLLECTOR = patterns(
            "debt collector", "cobrador(a)? de deudas", "agencia de cobr(o|anza|os)", "cobrador(a)? de deuda");

    private static final List<Pattern> ATTEMPT_TO_COLLECT = patterns(
            "attempt(ing)? to collect a debt", "(intento|intentando|intenta|tratando) de? cobrar una deuda",
            "intento de cobro de una deuda");

    private static final List<Pattern> INFORMATION_USED = patterns(
            "information obtained will be used for that purpose", "informacion obtenida (sera|se) (usada|utilizada|usara|utilizara)",
            "informacion (que )?(se )?obten\\w* (sera|se) (usada|utilizada|usara|utilizara)");

    private static final List<Pattern> DEBT_REFERENCES = patterns(
            "debts?", "owe", "owed", "owing", "balance", "payments?", "pay", "collect\\w*", "account", "past due", "overdue",
            "amount due", "\\$\\s*\\d", "recovery", "credit", "deudas?", "debe", "adeuda\\w*", "saldo", "pagos?", "pagar",
            "cobr\\w*", "cuenta", "vencid\\w*", "monto");

    private static final List<Pattern> REPLY_REQUESTS = patterns(
            "call", "calling", "return", "reply", "contact (me|us)", "reach (me|us)", "get back", "llame\\w*", "llamenos",
            "comuniquese", "devuelva\\w*", "responda", "contactenos", "contacteme");

    private static final List<Pattern> PERSON_NAMES = patterns(
            "this is [a-z]+", "my name is [a-z]+", "me llamo [a-z]+", "mi nombre es [a-z]+", "le habla [a-z]+", "soy [a-z]+");

    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(\\+?1[ .-]?)?\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]?\\d{4}");

    private RenderedText() {
    }

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replaceAll("\\s+", " ");
    }

    static boolean hasOptOutInstruction(String text) {
        return find(text, OPT_OUT_INSTRUCTIONS).isPresent();
    }

    static Optional<String> threatOfSuit(String text) {
        return find(text, THREATS_OF_SUIT);
    }

    static boolean hasDebtCollectorStatement(String text) {
        return find(text, DEBT_COLLECTOR).isPresent();
    }

    static boolean hasMiniMiranda(String text) {
        return hasDebtCollectorStatement(text) && find(text, ATTEMPT_TO_COLLECT).isPresent()
                && find(text, INFORMATION_USED).isPresent();
    }

    static Optional<String> debtReference(String text) {
        return find(text, DEBT_REFERENCES);
    }

    static boolean hasReplyRequest(String text) {
        return find(text, REPLY_REQUESTS).isPresent();
    }

    static boolean hasPersonName(String text) {
        return find(text, PERSON_NAMES).isPresent();
    }

    static boolean hasPhoneNumber(String text) {
        return PHONE_NUMBER.matcher(text).find();
    }

    private static Optional<String> find(String text, List<Pattern> patterns) {
        String normalized = normalize(text);
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(normalized);
            if (matcher.find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    private static List<Pattern> patterns(String... phrases) {
        return Arrays.stream(phrases)
                .map(phrase -> Pattern.compile("(?<![\\p{L}\\d])" + phrase + "(?![\\p{L}\\d])"))
                .toList();
    }
}
