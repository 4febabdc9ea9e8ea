package io.rapport.compliance;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a consumer's words revoke consent to texts and calls (TCPA-02): the keywords STOP,
 * QUIT, END, REVOKE, OPT OUT, CANCEL and UNSUBSCRIBE (and their Spanish counterparts) as the whole
 * reply or its first word, and free text that plainly asks us to stop ("stop texting me",
 * "no me llame más"). Revocation by any reasonable means must be honored (47 CFR 64.1200, FCC 24-24);
 * when in doubt the words are read as a revocation.
 */
public final class RevocationLanguage {

    private static final Set<String> KEYWORDS = Set.of(
            "stop", "stopall", "stop all", "quit", "end", "revoke", "opt out", "optout", "opt-out", "cancel",
            "unsubscribe", "alto", "parar", "pare", "para", "cancelar", "baja", "detener", "revocar");

    private static final List<String> PHRASES = List.of(
            "stop texting", "stop calling", "stop contacting", "stop sending", "stop messaging", "stop emailing",
            "stop the texts", "stop the calls", "stop these", "dont text", "don't text", "do not text", "dont call",
            "don't call", "do not call", "do not contact", "don't contact", "dont contact", "no more texts",
            "no more messages", "no more calls", "leave me alone", "remove me", "take me off", "unsubscribe", "opt out",
            "opt-out", "revoke", "no me escriba", "no me escribas", "no me llame", "no me llames", "no me envie",
            "no me contacte", "deje de llamar", "deje de enviar", "deje de escribir", "dejen de", "deja de",
            "no quiero recibir", "darme de baja", "no mas mensajes", "no mas llamadas", "no mas textos");

    private RevocationLanguage() {
    }

    /** Whether the text revokes consent. */
    public static boolean revokes(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String words = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace('\u2019', '\'')
                .replaceAll("[^a-z0-9' -]", " ").replaceAll("\\s+", " ").trim();
        if (KEYWORDS.contains(words)) {
            return true;
        }
        String first = words.split(" ")[0];
        if (KEYWORDS.contains(first) && !first.equals("para") && !first.equals("end")) {
            return true;
        }
        String padded = " " + words + " ";
        return PHRASES.stream().anyMatch(phrase -> padded.contains(" " + phrase + " ") || padded.contains(" " + phrase));
    }
}
