package io.rapport.console.web;

import io.rapport.platform.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the console writes money, dates and codes for people: {@code $1,234.56}, {@code Apr 12, 1985},
 * times in UTC, enum codes as words. Templates call it as {@code @consoleFormats}.
 */
@Component("consoleFormats")
public class ConsoleFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, uuuu HH:mm 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("MMM d, uuuu HH:mm zzz", Locale.US);
    private static final DateTimeFormatter UTC_HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    public String money(Money money) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        Currency currency = Currency.getInstance(money.currency());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(money.toMajorUnits());
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** An instant in a zone, with UTC beside it: {@code Dec 16, 2026 08:00 CST (14:00 UTC)}. */
    public String local(Instant instant, java.time.ZoneId zone) {
        if (instant == null) {
            return "";
        }
        if (zone == null || zone.normalized().equals(ZoneOffset.UTC)) {
            return time(instant);
        }
        return LOCAL.withZone(zone).format(instant) + " (" + UTC_HOUR.format(instant) + ")";
    }

    /** Days as words: "Saturday, Sunday". */
    public String days(java.util.List<java.time.DayOfWeek> days) {
        return days == null ? "" : days.stream().map(this::words).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The reference of one of the account's debts. */
    public String debtReference(io.rapport.accounts.AccountDetails account, java.util.UUID debtId) {
        return account.debts().stream().filter(d -> d.id().equals(debtId)).map(io.rapport.accounts.AccountDetails.Debt::externalRef)
                .findFirst().orElse("");
    }

    /** The value of one of the account's contact points. */
    public String contactPoint(io.rapport.accounts.AccountDetails account, java.util.UUID contactPointId) {
        return account.contactPoints().stream().filter(c -> c.id().equals(contactPointId))
                .map(io.rapport.accounts.AccountDetails.ContactPoint::value).findFirst().orElse("");
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** {@code CHARGE_OFF} reads as "Charge off". */
    public String words(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A language code as its English name, e.g. {@code es} reads "Spanish". */
    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "Not given";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }
}
