package io.rapport.messaging.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.messaging.Channel;
import io.rapport.platform.InvalidRequest;
import org.junit.jupiter.api.Test;

class TemplateRenderingTests {

    private final TemplateRendering rendering = new TemplateRendering();

    @Test
    void aTemplateUsingKnownFieldsIsAccepted() {
        assertThatCode(() -> rendering.check(Channel.SMS, null,
                "Hi {{consumer.firstName}}, you owe {{debt.balance}} on {{debt.accountNumber}}. Pay: {{payment.link}}"))
                .doesNotThrowAnyException();
    }

    @Test
    void aMisspelledFieldIsRefusedAtSaveTimeNamingTheField() {
        assertThatThrownBy(() -> rendering.check(Channel.SMS, null, "Hi {{consumer.frstName}}"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("body");
                    assertThat(e.errors().get(0).message()).contains("unknown merge field 'consumer.frstName'");
                });
    }

    @Test
    void aSettlementAmountOutsideItsSectionIsRefusedBecauseSomeAccountsHaveNoOffer() {
        assertThatThrownBy(() -> rendering.check(Channel.SMS, null, "Settle for {{payment.settlement.amount}}"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors().get(0).message())
                        .contains("'payment.settlement.amount'").contains("has no value"));
        assertThatCode(() -> rendering.check(Channel.SMS, null,
                "Pay {{payment.amount}}.{{#payment.settlement}} Or settle for {{amount}}.{{/payment.settlement}}"))
                .doesNotThrowAnyException();
    }

    @Test
    void anEmailSubjectWithAnUnknownFieldIsReportedOnTheSubject() {
        assertThatThrownBy(() -> rendering.check(Channel.EMAIL, "About {{account.number}}", "Hello"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("subject");
                    assertThat(e.errors().get(0).message()).contains("account.number");
                });
    }

    @Test
    void aTemplateThatRendersNothingIsRefused() {
        assertThatThrownBy(() -> rendering.check(Channel.SMS, null, "{{#payment.settlement}} {{/payment.settlement}}   "))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors().get(0).message()).contains("renders empty"));
    }

    @Test
    void anUnclosedSectionIsRefusedAsInvalid() {
        assertThatThrownBy(() -> rendering.check(Channel.LETTER, null, "{{#debts}} {{balance}}"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors().get(0).message()).contains("not a valid template"));
    }
}
