package io.rapport.accounts.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The columns of a placement file, as the import contract names them, and where each goes. */
final class PlacementColumns {

    static final List<String> REQUIRED = List.of("account_ref", "creditor", "first_name", "last_name", "address_line1",
            "city", "state", "postal_code", "debt_ref", "account_number", "original_creditor", "current_creditor",
            "itemization_date", "itemization_date_type", "amount_on_itemization_date");

    static final List<String> OPTIONAL = List.of("date_of_birth", "ssn_last4", "language", "address_line2", "email",
            "email_consent", "mobile", "sms_consent", "landline", "interest_since", "fees_since", "payments_since",
            "last_payment_on", "time_barred", "current_balance");

    /** Field paths of the placement rules, mapped back to the column a person fixes. */
    private static final Map<String, String> FIELD_TO_COLUMN = new LinkedHashMap<>();

    static {
        FIELD_TO_COLUMN.put("externalRef", "account_ref");
        FIELD_TO_COLUMN.put("creditor.name", "creditor");
        FIELD_TO_COLUMN.put("consumer.firstName", "first_name");
        FIELD_TO_COLUMN.put("consumer.lastName", "last_name");
        FIELD_TO_COLUMN.put("consumer.dateOfBirth", "date_of_birth");
        FIELD_TO_COLUMN.put("consumer.ssnLast4", "ssn_last4");
        FIELD_TO_COLUMN.put("consumer.language", "language");
        FIELD_TO_COLUMN.put("consumer.address.line1", "address_line1");
        FIELD_TO_COLUMN.put("consumer.address.line2", "address_line2");
        FIELD_TO_COLUMN.put("consumer.address.city", "city");
        FIELD_TO_COLUMN.put("consumer.address.state", "state");
        FIELD_TO_COLUMN.put("consumer.address.postalCode", "postal_code");
        FIELD_TO_COLUMN.put("consumer.address.country", "state");
        FIELD_TO_COLUMN.put("consumer.emails[0].address", "email");
        FIELD_TO_COLUMN.put("debts[0].externalRef", "debt_ref");
        FIELD_TO_COLUMN.put("debts[0].accountNumber", "account_number");
        FIELD_TO_COLUMN.put("debts[0].originalCreditor", "original_creditor");
        FIELD_TO_COLUMN.put("debts[0].currentCreditor", "current_creditor");
        FIELD_TO_COLUMN.put("debts[0].itemizationDate", "itemization_date");
        FIELD_TO_COLUMN.put("debts[0].itemizationDateType", "itemization_date_type");
        FIELD_TO_COLUMN.put("debts[0].amountOnItemizationDate", "amount_on_itemization_date");
        FIELD_TO_COLUMN.put("debts[0].interestSince", "interest_since");
        FIELD_TO_COLUMN.put("debts[0].feesSince", "fees_since");
        FIELD_TO_COLUMN.put("debts[0].paymentsSince", "payments_since");
        FIELD_TO_COLUMN.put("debts[0].currentBalance", "current_balance");
        FIELD_TO_COLUMN.put("debts[0].lastPaymentOn", "last_payment_on");
        FIELD_TO_COLUMN.put("debts", "debt_ref");
    }

    private PlacementColumns() {
    }

    static boolean isKnown(String normalizedHeader) {
        return all().stream().anyMatch(c -> normalize(c).equals(normalizedHeader));
    }

    static Set<String> all() {
        var all = new java.util.LinkedHashSet<>(REQUIRED);
        all.addAll(OPTIONAL);
        return all;
    }

    static String normalize(String column) {
        return io.rapport.platform.SpreadsheetRows.normalize(column);
    }

    /**
     * The column for a rule's field path. Phones and consents depend on which columns the row
     * had, so the mapper passes them in: {@code phoneColumns.get(i)} is the column of phone i.
     */
    static String columnOf(String field, List<String> phoneColumns, List<String> consentColumns) {
        if (field.startsWith("consumer.phones[")) {
            int i = Integer.parseInt(field.substring("consumer.phones[".length(), field.indexOf(']')));
            return i < phoneColumns.size() ? phoneColumns.get(i) : "mobile";
        }
        if (field.startsWith("consents[")) {
            int i = Integer.parseInt(field.substring("consents[".length(), field.indexOf(']')));
            return i < consentColumns.size() ? consentColumns.get(i) : "sms_consent";
        }
        return FIELD_TO_COLUMN.getOrDefault(field, field);
    }
}
