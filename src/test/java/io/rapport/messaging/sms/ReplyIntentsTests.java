package io.rapport.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.messaging.ReplyIntent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyIntentsTests {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop. ", "UNSUBSCRIBE", "cancel", "quit", "PARAR", "basta",
            "stop texting me", "Please STOP texting me!!", "don't text me again", "take me off your list",
            "para de escribirme", "Paren de escribirme por favor", "no me escriban más", "deja de enviarme mensajes"})
    void stopKeywordsAndSentencesAskingNotToBeTextedAreOptOuts(String reply) {
        assertThat(ReplyIntents.of(reply)).isEqualTo(ReplyIntent.OPT_OUT);
    }

    @Test
    void startAndHelpAreRecognisedInEnglishAndSpanish() {
        assertThat(ReplyIntents.of("START")).isEqualTo(ReplyIntent.OPT_IN);
        assertThat(ReplyIntents.of("unstop")).isEqualTo(ReplyIntent.OPT_IN);
        assertThat(ReplyIntents.of("HELP")).isEqualTo(ReplyIntent.HELP);
        assertThat(ReplyIntents.of("ayuda")).isEqualTo(ReplyIntent.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I can pay on Friday", "stop by the office tomorrow?", "Can I get a payment plan",
            "puedo pagar el viernes", "What is this for?"})
    void ordinaryRepliesAreLeftForAnAgent(String reply) {
        assertThat(ReplyIntents.of(reply)).isEqualTo(ReplyIntent.OTHER);
    }
}
