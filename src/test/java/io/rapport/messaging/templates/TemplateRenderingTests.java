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

    @Test
    void aSpreadsheetColumnIsAcceptedAtSaveTimeAndFoundHoweverItsHeaderIsWritten() {
        assertThatCode(() -> rendering.check(Channel.EMAIL, "Invoice {{row.invoice_number}}",
                "Pay {{payment.amount}} for invoice {{row.invoice_number}}.{{#row.note}} {{row.note}}{{/row.note}}"))
                .doesNotThrowAnyException();
        MergeFields.RowFields row = new MergeFields.RowFields(java.util.Map.of("Invoice Number", "INV-7", "note", " "));
        assertThat(row.get("invoice_number")).isEqualTo("INV-7");
        assertThat(row.containsKey("InvoiceNumber")).isTrue();
        assertThat(row.containsKey("note")).as("a blank cell has no value").isFalse();
    }

    @Test
    void aTemplateNamesTheColumnsItPrintsOutsideSectionsAsRequired() {
        var template = new io.rapport.messaging.MessageTemplate(null, null, Channel.EMAIL, "en", "t", 1,
                "Invoice {{row.invoice_number}}", "Due {{ row.due_on }}.{{#row.note}} {{row.note}}{{/row.note}} {{payment.link}}",
                null, null);
        assertThat(template.requiredRowFields()).containsExactly("due_on", "invoice_number");
    }
}
