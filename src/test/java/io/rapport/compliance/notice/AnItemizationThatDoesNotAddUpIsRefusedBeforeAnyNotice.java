package io.rapport.compliance.notice;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountStatus;
import io.rapport.accounts.ItemizationDateType;
import io.rapport.compliance.ItemizationDoesNotAddUp;
import io.rapport.platform.Money;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnItemizationThatDoesNotAddUpIsRefusedBeforeAnyNotice {

    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000042");

    @Test
    void amountThenPlusInterestPlusFeesMinusPaymentsEqualToTheTotalIsAccepted() {
        assertThatCode(() -> Itemization.verify(debt(223456, 7500, 2500, 5000, 228456, "USD"))).doesNotThrowAnyException();
    }

    @Test
    void aTotalOneCentOffIsRefusedNamingTheDebtAndBothSums() {
        assertThatThrownBy(() -> Itemization.verify(debt(223456, 7500, 2500, 5000, 228457, "USD")))
                .isInstanceOf(ItemizationDoesNotAddUp.class)
                .hasMessageContaining("CC-42").hasMessageContaining(ID.toString())
                .hasMessageContaining("2284.56 USD").hasMessageContaining("2284.57 USD");
    }

    @Test
    void paymentsAddedInsteadOfSubtractedAreRefused() {
        assertThatThrownBy(() -> Itemization.verify(debt(223456, 7500, 2500, 5000, 238456, "USD")))
                .isInstanceOf(ItemizationDoesNotAddUp.class);
    }

    @Test
    void aNegativeFeeThatHappensToBalanceTheSumIsStillRefused() {
        assertThatThrownBy(() -> Itemization.verify(debt(223456, 7500, -2500, 0, 228456, "USD")))
                .isInstanceOf(ItemizationDoesNotAddUp.class).hasMessageContaining("negative");
    }

    private static AccountDetails.Debt debt(long then, long interest, long fees, long payments, long total, String currency) {
        return new AccountDetails.Debt(ID, "CC-42", "6789", "Bank of Rockville", "Bank of Rockville", LocalDate.of(2025, 1, 2),
                ItemizationDateType.CHARGE_OFF, Money.of(then, currency), Money.of(interest, currency), Money.of(fees, currency),
                Money.of(payments, currency), Money.of(total, currency), null, false, AccountStatus.ACTIVE);
    }
}
