package io.rapport.compliance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** TCPA-02: revocation by any reasonable words, in English and Spanish. */
class ConsumersRevokeConsentInTheirOwnWords {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop.", "Quit", "END", "Revoke", "opt out", "Cancel", "UNSUBSCRIBE", "Stop please",
            "Please stop texting me", "don't call me again", "Leave me alone!", "remove me from your list", "ALTO", "Baja",
            "No me llame más", "deje de enviar mensajes", "No quiero recibir mensajes"})
    void theseWordsRevoke(String reply) {
        assertThat(RevocationLanguage.revokes(reply)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Yes", "I will pay Friday", "What is my balance?", "End of the month works", "para el viernes",
            "Gracias", "   "})
    void theseWordsDoNot(String reply) {
        assertThat(RevocationLanguage.revokes(reply)).isFalse();
    }
}
