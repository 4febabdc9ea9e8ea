package io.rapport.messaging.templates;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.Creditor;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.platform.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values a template can merge, as plain maps of text (never objects: a template can only read what is listed
 * here). Optional values (a settlement offer, a creditor's support phone) are left out when absent, so a template
 * must wrap them in a section such as {@code {{#payment.settlement}}...{{/payment.settlement}}}.
 *
 * <pre>
 * consumer.firstName consumer.lastName consumer.name
 * account.reference account.balance
 * debt.* (the first debt) and debts (a list), each: creditor originalCreditor accountNumber itemizationDate
 *     amountOnItemizationDate interest fees payments balance
 * payment.amount payment.link payment.expiresOn payment.settlement.amount payment.settlement.validUntil
 * creditor.name creditor.senderName creditor.supportPhone creditor.supportHours creditor.licenceNumbers
 *     creditor.disputeAddress
 * row.* (a bulk send's spreadsheet columns, e.g. row.invoice_number; headers match loosely as the file's do)
 * </pre>
 */
public final class MergeFields {

    private MergeFields() {
    }

    public static Map<String, Object> of(AccountDetails account, Creditor creditor, PaymentRequestDetails payment,
            String language) {
        Locale locale = locale(language);
        Map<String, Object> context = new LinkedHashMap<>();
        Map<String, Object> consumer = new LinkedHashMap<>();
        put(consumer, "firstName", account.consumer().firstName());
        put(consumer, "lastName", account.consumer().lastName());
        put(consumer, "name", account.consumerName());
        context.put("consumer", consumer);

        Map<String, Object> acc = new LinkedHashMap<>();
        put(acc, "reference", account.externalRef());
        put(acc, "balance", money(account.balance(), locale));
        context.put("account", acc);

        List<Map<String, Object>> debts = new ArrayList<>();
        for (AccountDetails.Debt d : account.debts()) {
            Map<String, Object> debt = new LinkedHashMap<>();
            put(debt, "creditor", d.currentCreditor());
            put(debt, "originalCreditor", d.originalCreditor());
            put(debt, "accountNumber", "****" + d.accountNumberLast4());
            put(debt, "itemizationDate", date(d.itemizationDate(), locale));
            put(debt, "amountOnItemizationDate", money(d.amountOnItemizationDate(), locale));
            put(debt, "interest", money(d.interestSince(), locale));
            put(debt, "fees", money(d.feesSince(), locale));
            put(debt, "payments", money(d.paymentsSince(), locale));
            put(debt, "balance", money(d.currentBalance(), locale));
            debts.add(debt);
        }
        context.put("debts", debts);
        if (!debts.isEmpty()) {
            context.put("debt", debts.get(0));
        }

        if (payment != null) {
            Map<String, Object> pay = new LinkedHashMap<>();
            put(pay, "amount", money(payment.amount(), locale));
            put(pay, "link", payment.link());
            put(pay, "expiresOn", payment.expiresAt() == null ? null : date(payment.expiresAt(), locale));
            if (payment.settlementOffer() != null) {
                Map<String, Object> settlement = new LinkedHashMap<>();
                put(settlement, "amount", money(payment.settlementOffer().amount(), locale));
                put(settlement, "validUntil", date(payment.settlementOffer().validUntil(), locale));
                pay.put("settlement", settlement);
            }
            context.put("payment", pay);
            if (payment.rowFields() != null) {
                context.put("row", new RowFields(payment.rowFields()));
            }
        }

        Creditor.Branding b = creditor.branding();
        Map<String, Object> cred = new LinkedHashMap<>();
        put(cred, "name", creditor.name());
        put(cred, "senderName", b.senderName() == null ? creditor.name() : b.senderName());
        put(cred, "supportPhone", b.supportPhone());
        put(cred, "supportHours", b.supportHours());
        put(cred, "licenceNumbers", b.licenceNumbers());
        put(cred, "disputeAddress", b.disputeAddress());
        context.put("creditor", cred);
        return context;
    }

    /**
     * A spreadsheet row's columns, found by header written loosely ({@code row.invoice_number} and
     * {@code row.InvoiceNumber} are the same column, as in the file itself); blank cells are absent, so a template
     * printing one fails for that row.
     */
    static final class RowFields extends java.util.AbstractMap<String, Object> {

        private final Map<String, Object> values = new LinkedHashMap<>();

        RowFields(Map<String, String> fields) {
            fields.forEach((column, value) -> {
                if (value != null && !value.isBlank()) {
                    values.put(io.rapport.platform.SpreadsheetRows.normalize(column), value);
                }
            });
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String column && values.containsKey(io.rapport.platform.SpreadsheetRows.normalize(column));
        }

        @Override
        public Object get(Object key) {
            return key instanceof String column ? values.get(io.rapport.platform.SpreadsheetRows.normalize(column)) : null;
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return values.entrySet();
        }
    }

    public static Locale locale(String language) {
        return "es".equals(language) ? Locale.forLanguageTag("es-US") : Locale.US;
    }

    public static String money(Money money, Locale locale) {
        if (money == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency currency = Currency.getInstance(money.currency());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(money.toMajorUnits());
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? null : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    static String date(Instant instant, Locale locale) {
        return date(instant.atZone(ZoneOffset.UTC).toLocalDate(), locale);
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
