package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.consent.ConsentChannel;
import io.rapport.platform.InvalidRequest.FieldError;
import io.rapport.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementRulesTests {

    static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

    static Placement.NewDebt debt(long amount, long interest, long fees, long payments, Money current) {
        return new Placement.NewDebt("D-1", "123-456-789", "Bank", "Bank", LocalDate.of(2025, 1, 2),
                ItemizationDateType.CHARGE_OFF, Money.of(amount, "USD"), Money.of(interest, "USD"), Money.of(fees, "USD"),
                Money.of(payments, "USD"), current, null, false);
    }

    static Placement placement(Placement.NewDebt... debts) {
        return new Placement("REF-1", "Bank", new Placement.Consumer("Ana", "Diaz", LocalDate.of(1985, 4, 12), "1234", "es",
                new Placement.PostalAddress("2323 Park Street", null, "Bethesda", "MD", "20815", "US")),
                List.of(new Placement.Email("ana@example.com", false)),
                List.of(new Placement.Phone("+13015550123", PhoneType.MOBILE, ContactSource.CREDITOR)),
                List.of(new Placement.ConsentGrant(ConsentChannel.SMS, "+13015550123", true, "application",
                        Instant.parse("2025-01-01T10:00:00Z"), null)),
                List.of(debts));
    }

    @Test
    void theContractExamplePlacementBreaksNoRule() {
        assertThat(PlacementRules.check(placement(debt(223456, 7500, 2500, 5000, null)), TODAY)).isEmpty();
    }

    @Test
    void anItemizationMustAddUpToTheCurrentBalance() {
        List<FieldError> errors = PlacementRules.check(placement(debt(223456, 7500, 2500, 5000, Money.of(228455, "USD"))), TODAY);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("debts[0].currentBalance");
            assertThat(e.message()).contains("2284.56 USD");
        });
    }

    @Test
    void paymentsCannotExceedWhatWasOwed() {
        assertThat(PlacementRules.check(placement(debt(1000, 0, 0, 1001, null)), TODAY))
                .extracting(FieldError::field).containsExactly("debts[0].paymentsSince");
    }

    @Test
    void aConsentMustBeForOneOfTheConsumersOwnAddresses() {
        Placement p = placement(debt(1000, 0, 0, 0, null));
        Placement other = new Placement(p.externalRef(), p.creditorName(), p.consumer(), p.emails(), p.phones(),
                List.of(new Placement.ConsentGrant(ConsentChannel.SMS, "+13015559999", true, "x", Instant.now(), null)), p.debts());

        assertThat(PlacementRules.check(other, TODAY)).extracting(FieldError::field).containsExactly("consents[0].address");
    }

    @Test
    void debtsInTwoCurrenciesOrTwiceTheSameReferenceAreRejected() {
        Placement.NewDebt usd = debt(1000, 0, 0, 0, null);
        Placement.NewDebt eur = new Placement.NewDebt("D-1", "9", "B", "B", LocalDate.of(2025, 1, 2), ItemizationDateType.CHARGE_OFF,
                Money.of(10, "EUR"), Money.of(0, "EUR"), Money.of(0, "EUR"), Money.of(0, "EUR"), null, null, false);

        assertThat(PlacementRules.check(placement(usd, eur), TODAY)).extracting(FieldError::field)
                .contains("debts[1].externalRef", "debts[1].amountOnItemizationDate");
    }
}
