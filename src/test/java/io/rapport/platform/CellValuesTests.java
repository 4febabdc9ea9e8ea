package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.accounts.ItemizationDateType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CellValuesTests {

    @Test
    void amountsAreReadAsCentsWhateverTheirFormatting() {
        assertThat(CellValues.cents("$2,234.56")).isEqualTo(223456);
        assertThat(CellValues.cents("2234.5")).isEqualTo(223450);
        assertThat(CellValues.cents(" 75 ")).isEqualTo(7500);
        assertThat(CellValues.cents("(12.50)")).isEqualTo(-1250);
    }

    @Test
    void aThirdDecimalOrTextIsNotAnAmount() {
        assertThatThrownBy(() -> CellValues.cents("1.005")).hasMessageContaining("more than 2 decimals");
        assertThatThrownBy(() -> CellValues.cents("ten")).hasMessageContaining("'ten' is not an amount");
    }

    @Test
    void datesAreReadInIsoUsAndExcelSerialForm() {
        assertThat(CellValues.date("2025-01-02")).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(CellValues.date("01/02/2025")).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(CellValues.date("1/2/2025")).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(CellValues.date("45659")).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(CellValues.date("45659.0")).isEqualTo(LocalDate.of(2025, 1, 2));
    }

    @Test
    void impossibleDatesAreRejected() {
        assertThatThrownBy(() -> CellValues.date("02/30/2025")).hasMessageContaining("not a real date");
        assertThatThrownBy(() -> CellValues.date("2025-13-01")).hasMessageContaining("not a real date");
        assertThatThrownBy(() -> CellValues.date("yesterday")).hasMessageContaining("not a date");
    }

    @Test
    void yesNoAndItemizationTypesAreReadLoosely() {
        assertThat(CellValues.yesNo("Yes")).isTrue();
        assertThat(CellValues.yesNo("N")).isFalse();
        assertThat(CellValues.constant(ItemizationDateType.class, "Charge off")).isEqualTo(ItemizationDateType.CHARGE_OFF);
        assertThat(CellValues.constant(ItemizationDateType.class, "last-statement")).isEqualTo(ItemizationDateType.LAST_STATEMENT);
        assertThatThrownBy(() -> CellValues.constant(ItemizationDateType.class, "whenever"))
                .hasMessageContaining("CHARGE_OFF");
    }
}
