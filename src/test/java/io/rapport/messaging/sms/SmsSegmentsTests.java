package io.rapport.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTests {

    @Test
    void aPlainTextOf160CharactersFitsOneSegmentAnd161TakesTwo() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(new SmsSegments.Count(SmsSegments.Encoding.GSM7, 1, 160));
        assertThat(SmsSegments.count("a".repeat(161)).segments()).isEqualTo(2);
    }

    @Test
    void aSplitPlainTextCarries153CharactersPerSegment() {
        assertThat(SmsSegments.count("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwiceAndAreNeverSplitAcrossSegments() {
        assertThat(SmsSegments.count("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(80)).units()).isEqualTo(160);
        assertThat(SmsSegments.count("€".repeat(81)).segments()).isEqualTo(2);
        // 152 plain septets then a two-septet character: it moves whole to the second segment.
        assertThat(SmsSegments.count("a".repeat(152) + "{" + "a".repeat(151)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(152) + "{" + "a".repeat(152)).segments()).isEqualTo(3);
    }

    @Test
    void spanishAccentsOutsideTheGsmAlphabetTurnTheTextIntoUcs2() {
        assertThat(SmsSegments.count("Hola, señora").encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(SmsSegments.count("Comunicación").encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
    }

    @Test
    void aUnicodeTextOf70CharactersFitsOneSegmentAnd71TakesTwo() {
        assertThat(SmsSegments.count("á".repeat(70))).isEqualTo(new SmsSegments.Count(SmsSegments.Encoding.UCS2, 1, 70));
        assertThat(SmsSegments.count("á".repeat(71)).segments()).isEqualTo(2);
    }

    @Test
    void aSplitUnicodeTextCarries67CharactersPerSegmentAndNeverSplitsAnEmoji() {
        assertThat(SmsSegments.count("á".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("á".repeat(135)).segments()).isEqualTo(3);
        // 66 units then an emoji (two units): the emoji starts the second segment.
        assertThat(SmsSegments.count("á".repeat(66) + "😀" + "á".repeat(65)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("á".repeat(66) + "😀" + "á".repeat(66)).segments()).isEqualTo(3);
    }
}
