package io.rapport.accounts.imports;

import io.rapport.consent.ConsentChannel;
import io.rapport.accounts.ContactSource;
import io.rapport.accounts.ImportError;
import io.rapport.accounts.ItemizationDateType;
import io.rapport.accounts.PhoneNumbers;
import io.rapport.accounts.PhoneType;
import io.rapport.platform.CellValues;
import io.rapport.accounts.Placement;
import io.rapport.accounts.PlacementRules;
import io.rapport.platform.InvalidRequest.FieldError;
import io.rapport.platform.Money;
import io.rapport.platform.SpreadsheetRows.Line;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns one row of a placement file into a placement of one debt, or into the reasons the row
 * is rejected (every bad cell, with its column), using the same rules as the API.
 */
final class PlacementRowReader {

    /** Either a placement or the errors of its row. */
    record Result(Placement placement, List<ImportError> errors) {
    }

    private final String fileName;
    private final Instant consentRecordedAt;

    PlacementRowReader(String fileName, Instant consentRecordedAt) {
        this.fileName = fileName;
        this.consentRecordedAt = consentRecordedAt;
    }

    Result read(Line line, LocalDate today) {
        List<ImportError> errors = new ArrayList<>();
        Cells cells = new Cells(line, errors);

        List<Placement.Email> emails = new ArrayList<>();
        List<Placement.Phone> phones = new ArrayList<>();
        List<String> phoneColumns = new ArrayList<>();
        List<Placement.ConsentGrant> consents = new ArrayList<>();
        List<String> consentColumns = new ArrayList<>();
        String source = "placement file " + fileName;

        String email = line.get("email");
        if (email != null) {
            emails.add(new Placement.Email(email, false));
            Boolean consent = cells.parse("email_consent", CellValues::yesNo);
            if (consent != null) {
                consents.add(new Placement.ConsentGrant(ConsentChannel.EMAIL, email, consent, source, consentRecordedAt, null));
                consentColumns.add("email_consent");
            }
        }
        String mobile = cells.parse("mobile", PhoneNumbers::toE164);
        if (mobile != null) {
            phones.add(new Placement.Phone(mobile, PhoneType.MOBILE, ContactSource.CREDITOR));
            phoneColumns.add("mobile");
            Boolean consent = cells.parse("sms_consent", CellValues::yesNo);
            if (consent != null) {
                consents.add(new Placement.ConsentGrant(ConsentChannel.SMS, mobile, consent, source, consentRecordedAt, null));
                consentColumns.add("sms_consent");
            }
        }
        String landline = cells.parse("landline", PhoneNumbers::toE164);
        if (landline != null && !landline.equals(mobile)) {
            phones.add(new Placement.Phone(landline, PhoneType.LANDLINE, ContactSource.CREDITOR));
            phoneColumns.add("landline");
        }

        String language = line.get("language");
        var address = new Placement.PostalAddress(line.get("address_line1"), line.get("address_line2"), line.get("city"),
                line.get("state") == null ? null : line.get("state").toUpperCase(Locale.ROOT), zip(line.get("postal_code")), "US");
        var consumer = new Placement.Consumer(line.get("first_name"), line.get("last_name"),
                cells.parse("date_of_birth", CellValues::date), line.get("ssn_last4"),
                language == null ? "en" : language.toLowerCase(Locale.ROOT), address);

        Long amount = cells.parse("amount_on_itemization_date", CellValues::cents);
        Long interest = cells.parse("interest_since", CellValues::cents);
        Long fees = cells.parse("fees_since", CellValues::cents);
        Long payments = cells.parse("payments_since", CellValues::cents);
        Long current = cells.parse("current_balance", CellValues::cents);
        Boolean timeBarred = cells.parse("time_barred", CellValues::yesNo);
        var debt = new Placement.NewDebt(line.get("debt_ref"), line.get("account_number"), line.get("original_creditor"),
                line.get("current_creditor"), cells.parse("itemization_date", CellValues::date),
                cells.parse("itemization_date_type", v -> CellValues.constant(ItemizationDateType.class, v)),
                amount == null ? null : usd(amount), usd(interest), usd(fees), usd(payments),
                current == null ? null : usd(current), cells.parse("last_payment_on", CellValues::date),
                Boolean.TRUE.equals(timeBarred));

        Placement placement = new Placement(line.get("account_ref"), line.get("creditor"), consumer, emails, phones, consents,
                List.of(debt));
        for (FieldError e : PlacementRules.check(placement, today)) {
            String column = PlacementColumns.columnOf(e.field(), phoneColumns, consentColumns);
            // A cell that did not parse was reported already, more precisely.
            if (errors.stream().noneMatch(known -> known.column().equals(column))) {
                errors.add(new ImportError(line.number(), column, e.message()));
            }
        }
        return errors.isEmpty() ? new Result(placement, List.of()) : new Result(null, errors);
    }

    /** Excel drops leading zeros of ZIP codes it took for numbers: 2115 is 02115. */
    private static String zip(String raw) {
        if (raw != null && raw.matches("\\d{3,4}")) {
            return "0".repeat(5 - raw.length()) + raw;
        }
        return raw;
    }

    private static Money usd(Long cents) {
        return Money.of(cents == null ? 0 : cents, "USD");
    }

    /** Reads cells, recording a parse failure as an error of that column and the row. */
    private record Cells(Line line, List<ImportError> errors) {
        <T> T parse(String column, Function<String, T> reader) {
            String raw = line.get(column);
            if (raw == null) {
                return null;
            }
            try {
                return reader.apply(raw);
            } catch (IllegalArgumentException e) {
                errors.add(new ImportError(line.number(), column, e.getMessage()));
                return null;
            }
        }
    }
}
