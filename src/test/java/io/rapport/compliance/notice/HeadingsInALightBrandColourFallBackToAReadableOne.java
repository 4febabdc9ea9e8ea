package io.rapport.compliance.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadingsInALightBrandColourFallBackToAReadableOne {

    @Test
    void aDarkBrandColourIsKept() {
        assertThat(NoticeDocument.readableColor("#2e7d32")).isEqualTo("#2e7d32");
    }

    @Test
    void aPaleYellowOnWhiteIsReplaced() {
        assertThat(NoticeDocument.readableColor("#ffd700")).isEqualTo("#1f4e79");
    }

    @Test
    void aMissingOrMalformedColourGetsTheDefault() {
        assertThat(NoticeDocument.readableColor(null)).isEqualTo("#1f4e79");
        assertThat(NoticeDocument.readableColor("red; background: url(x)")).isEqualTo("#1f4e79");
    }
}
