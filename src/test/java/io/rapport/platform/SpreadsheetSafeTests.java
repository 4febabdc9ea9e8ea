package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTests {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        assertThat(SpreadsheetSafe.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(SpreadsheetSafe.cell("+1 301")).isEqualTo("'+1 301");
        assertThat(SpreadsheetSafe.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetSafe.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void ordinaryValuesAndNumbersAreLeftAlone() {
        assertThat(SpreadsheetSafe.cell("Ana Diaz")).isEqualTo("Ana Diaz");
        assertThat(SpreadsheetSafe.cell(-12)).isEqualTo("-12");
        assertThat(SpreadsheetSafe.line("a,b", "c\"d", null)).isEqualTo("\"a,b\",\"c\"\"d\",\r\n");
    }
}
