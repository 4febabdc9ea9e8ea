package io.rapport.compliance.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered text is compared in one normal form, whether it is plain ASCII or not. */
class MessagesReadAlikeWhateverTheirCaseAccentsAndSpacing {

    @Test
    void plainTextIsReadInLowerCaseWithEveryRunOfWhitespaceAsOneSpace() {
        assertThat(RenderedText.normalize("Reply  STOP\tto\r\n opt\u000B\fOUT. Balance: $2,284.56"))
                .isEqualTo("reply stop to opt out. balance: $2,284.56");
    }

    @Test
    void accentsAndTypographicQuotesAreDroppedAsInPlainText() {
        assertThat(RenderedText.normalize("Acción LEGAL:  \u201cResponda BAJA\u201d \u2014 it\u2019s DEMANDARLO"))
                .isEqualTo("accion legal: \"responda baja\" \u2014 it's demandarlo");
    }

    @Test
    void theSameWordsWithAndWithoutAccentsReadTheSame() {
        assertThat(RenderedText.normalize("Informaci\u00f3n OBTENIDA ser\u00e1 usada"))
                .isEqualTo(RenderedText.normalize("Informacion   obtenida sera USADA"));
    }

    @Test
    void eachQuestionIsAnsweredOnTheNormalizedText() {
        RenderedText text = RenderedText.of("This communication is from a DEBT   COLLECTOR. Reply\nSTOP to opt out.");

        assertThat(text.hasDebtCollectorStatement()).isTrue();
        assertThat(text.hasOptOutInstruction()).isTrue();
        assertThat(text.threatOfSuit()).isEmpty();
    }
}
