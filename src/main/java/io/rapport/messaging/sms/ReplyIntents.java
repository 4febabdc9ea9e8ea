package io.rapport.messaging.sms;

import io.rapport.messaging.ReplyIntent;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a text reply asks for. The carrier keywords (STOP, START, HELP and their usual synonyms, in English and
 * Spanish) are matched on their own; a sentence that asks not to be texted, in English or Spanish, is an opt-out too,
 * because the law honours any reasonable way of saying it.
 */
public final class ReplyIntents {

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT",
            "OPT OUT", "REVOKE", "PARAR", "PARA", "ALTO", "BASTA", "CANCELAR", "DETENER", "NO MAS");
    private static final Set<String> START = Set.of("START", "UNSTOP", "YES", "SUBSCRIBE", "INICIAR", "COMENZAR");
    private static final Set<String> HELP = Set.of("HELP", "INFO", "AYUDA");

    private static final Pattern OPT_OUT = Pattern.compile(String.join("|",
            "\\bstop (texting|messaging|contacting|sending|calling|txting|harassing)\\b",
            "\\b(do not|dont|don t|never) (text|message|contact|sms|txt)( me)?\\b",
            "\\b(remove|take) me (off|from)\\b",
            "\\bunsubscribe me\\b",
            "\\bleave me alone\\b",
            "\\bno more (texts|messages|sms)\\b",
            "\\bpar[ae]n? de (escribirme|enviarme|mandarme|contactarme|llamarme|molestarme|textearme)\\b",
            "\\bdej(a|e|en) de (escribirme|enviarme|mandarme|contactarme|llamarme|molestarme)\\b",
            "\\bno me (escriba|escribas|escriban|envie|envies|envien|mande|mandes|manden|contacte|contactes|contacten)\\b",
            "\\b(ya )?no quiero (mas )?(mensajes|textos)\\b",
            "\\b(borrame|eliminame|quitenme|quitame) de\\b"));

    private ReplyIntents() {
    }

    public static ReplyIntent of(String text) {
        if (text == null) {
            return ReplyIntent.OTHER;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").trim();
        String keyword = folded.toUpperCase(Locale.ROOT);
        if (STOP.contains(keyword)) {
            return ReplyIntent.OPT_OUT;
        }
        if (START.contains(keyword)) {
            return ReplyIntent.OPT_IN;
        }
        if (HELP.contains(keyword)) {
            return ReplyIntent.HELP;
        }
        return OPT_OUT.matcher(folded).find() ? ReplyIntent.OPT_OUT : ReplyIntent.OTHER;
    }
}
