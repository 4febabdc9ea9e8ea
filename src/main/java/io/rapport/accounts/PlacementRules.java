package io.rapport.accounts;

import io.rapport.consent.ConsentChannel;
import io.rapport.platform.InvalidRequest.FieldError;
import io.rapport.platform.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a placement must satisfy before anything is written. Returns every broken rule
 * with the field it concerns (JSON paths such as {@code debts[0].feesSince}); the import maps
 * those to spreadsheet columns.
 */
public final class PlacementRules {

    static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
            "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
            "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP");
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern ZIP = Pattern.compile("^\\d{5}(-?\\d{4})?$");
    private static final Pattern SSN_LAST4 = Pattern.compile("\\d{4}");
    private static final Pattern LANGUAGE = Pattern.compile("en|es");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final int MAX_TEXT = 200;

    private PlacementRules() {
    }

    public static List<FieldError> check(Placement p, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "externalRef", p.externalRef(), 100, true);
        text(errors, "creditor.name", p.creditorName(), MAX_TEXT, true);
        Placement.Consumer c = p.consumer();
        if (c == null) {
            errors.add(new FieldError("consumer", "is required"));
        } else {
            text(errors, "consumer.firstName", c.firstName(), 100, true);
            text(errors, "consumer.lastName", c.lastName(), 100, true);
            if (c.dateOfBirth() != null && (c.dateOfBirth().isAfter(today) || c.dateOfBirth().isBefore(LocalDate.of(1900, 1, 1)))) {
                errors.add(new FieldError("consumer.dateOfBirth", "must be between 1900-01-01 and today"));
            }
            if (c.ssnLast4() != null && !SSN_LAST4.matcher(c.ssnLast4()).matches()) {
                errors.add(new FieldError("consumer.ssnLast4", "must be exactly 4 digits"));
            }
            if (c.language() != null && !LANGUAGE.matcher(c.language()).matches()) {
                errors.add(new FieldError("consumer.language", "must be 'en' or 'es'"));
            }
            address(errors, c.address());
        }
        for (int i = 0; i < p.emails().size(); i++) {
            String address = p.emails().get(i).address();
            if (address == null || address.length() > 254 || !EMAIL.matcher(address.trim()).matches()) {
                errors.add(new FieldError("consumer.emails[" + i + "].address", "'" + shorten(address) + "' is not an email address"));
            }
        }
        for (int i = 0; i < p.phones().size(); i++) {
            Placement.Phone phone = p.phones().get(i);
            if (phone.number() == null || !E164.matcher(phone.number()).matches()) {
                errors.add(new FieldError("consumer.phones[" + i + "].number", "must be a phone number in E.164 (+13015550123)"));
            }
            if (phone.type() == null) {
                errors.add(new FieldError("consumer.phones[" + i + "].type", "is required: MOBILE, LANDLINE or WORK"));
            }
        }
        consents(errors, p);
        debts(errors, p.debts(), today);
        return errors;
    }

    private static void address(List<FieldError> errors, Placement.PostalAddress a) {
        if (a == null) {
            errors.add(new FieldError("consumer.address", "is required"));
            return;
        }
        text(errors, "consumer.address.line1", a.line1(), MAX_TEXT, true);
        text(errors, "consumer.address.line2", a.line2(), MAX_TEXT, false);
        text(errors, "consumer.address.city", a.city(), 100, true);
        if (a.state() == null || !US_STATES.contains(a.state().trim().toUpperCase())) {
            errors.add(new FieldError("consumer.address.state", "'" + shorten(a.state()) + "' is not a US state code"));
        }
        if (a.postalCode() == null || !ZIP.matcher(a.postalCode().trim()).matches()) {
            errors.add(new FieldError("consumer.address.postalCode", "'" + shorten(a.postalCode()) + "' is not a ZIP code"));
        }
        if (a.country() != null && !a.country().equals("US")) {
            errors.add(new FieldError("consumer.address.country", "only US addresses are supported"));
        }
    }

    private static void consents(List<FieldError> errors, Placement p) {
        Set<String> addresses = new HashSet<>();
        p.emails().forEach(e -> addresses.add(SearchKeys.email(e.address())));
        p.phones().forEach(ph -> addresses.add(ph.number()));
        for (int i = 0; i < p.consents().size(); i++) {
            Placement.ConsentGrant consent = p.consents().get(i);
            String path = "consents[" + i + "]";
            if (consent.channel() == null) {
                errors.add(new FieldError(path + ".channel", "is required"));
            }
            if (consent.at() == null) {
                errors.add(new FieldError(path + ".at", "is required: when the consumer gave or refused consent"));
            }
            text(errors, path + ".source", consent.source(), 100, true);
            boolean needsAddress = consent.channel() != null && consent.channel() != ConsentChannel.LETTER
                    && consent.channel() != ConsentChannel.ESIGN;
            if (needsAddress) {
                String key = consent.channel() == ConsentChannel.EMAIL ? SearchKeys.email(consent.address()) : consent.address();
                if (key == null || !addresses.contains(key)) {
                    errors.add(new FieldError(path + ".address", "must be one of the consumer's "
                            + (consent.channel() == ConsentChannel.EMAIL ? "email addresses" : "phone numbers")));
                }
            }
        }
    }

    private static void debts(List<FieldError> errors, List<Placement.NewDebt> debts, LocalDate today) {
        if (debts.isEmpty()) {
            errors.add(new FieldError("debts", "at least one debt is required"));
        }
        Set<String> refs = new HashSet<>();
        String currency = null;
        for (int i = 0; i < debts.size(); i++) {
            Placement.NewDebt d = debts.get(i);
            String path = "debts[" + i + "]";
            text(errors, path + ".externalRef", d.externalRef(), 100, true);
            if (d.externalRef() != null && !refs.add(d.externalRef())) {
                errors.add(new FieldError(path + ".externalRef", "'" + d.externalRef() + "' appears twice in this account"));
            }
            text(errors, path + ".accountNumber", d.accountNumber(), 50, true);
            text(errors, path + ".originalCreditor", d.originalCreditor(), MAX_TEXT, true);
            text(errors, path + ".currentCreditor", d.currentCreditor(), MAX_TEXT, true);
            if (d.itemizationDate() == null) {
                errors.add(new FieldError(path + ".itemizationDate", "is required"));
            } else if (d.itemizationDate().isAfter(today)) {
                errors.add(new FieldError(path + ".itemizationDate", "is in the future"));
            }
            if (d.itemizationDateType() == null) {
                errors.add(new FieldError(path + ".itemizationDateType",
                        "is required: LAST_STATEMENT, CHARGE_OFF, LAST_PAYMENT, TRANSACTION or JUDGMENT"));
            }
            if (d.lastPaymentOn() != null && d.lastPaymentOn().isAfter(today)) {
                errors.add(new FieldError(path + ".lastPaymentOn", "is in the future"));
            }
            if (d.amountOnItemizationDate() == null) {
                errors.add(new FieldError(path + ".amountOnItemizationDate", "is required"));
                continue;
            }
            currency = currency == null ? d.amountOnItemizationDate().currency() : currency;
            boolean amountsValid = true;
            for (var amount : List.of(
                    new Object[] {"amountOnItemizationDate", d.amountOnItemizationDate()},
                    new Object[] {"interestSince", d.interestSince()},
                    new Object[] {"feesSince", d.feesSince()},
                    new Object[] {"paymentsSince", d.paymentsSince()})) {
                Money money = (Money) amount[1];
                if (money == null) {
                    amountsValid = false;
                    errors.add(new FieldError(path + "." + amount[0], "is required"));
                } else if (money.isNegative()) {
                    amountsValid = false;
                    errors.add(new FieldError(path + "." + amount[0], "must not be negative"));
                } else if (!money.currency().equals(currency)) {
                    amountsValid = false;
                    errors.add(new FieldError(path + "." + amount[0], "must be in " + currency + " like the account's other amounts"));
                }
            }
            if (!amountsValid) {
                continue;
            }
            Money total = d.itemizedTotal();
            if (total.isNegative()) {
                errors.add(new FieldError(path + ".paymentsSince", "payments and credits exceed the amount owed (total would be " + total + ")"));
            } else if (d.currentBalance() != null && !d.currentBalance().equals(total)) {
                errors.add(new FieldError(path + ".currentBalance", "is " + d.currentBalance() + " but the itemization adds up to " + total
                        + " (amount + interest + fees - payments)"));
            }
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        } else if (value.startsWith("=") || value.startsWith("@")) {
            // A cell that a spreadsheet would run as a formula (=HYPERLINK(...)) is never a name or an address.
            errors.add(new FieldError(field, "looks like a spreadsheet formula, which is not accepted"));
        } else if (value.chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) {
            errors.add(new FieldError(field, "contains control characters or line breaks"));
        }
    }

    private static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
