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
