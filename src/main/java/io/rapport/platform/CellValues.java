package io.rapport.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the values real placement files hold: {@code $2,234.56}, {@code 2234.56}, Excel date
 * serials, {@code 01/02/2025}, {@code yes}/{@code no}. Each reader throws
 * {@link IllegalArgumentException} with a message a person can act on.
 */
public final class CellValues {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern US = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private CellValues() {
    }

    /** An amount in major units, as minor units (cents). */
    public static long cents(String raw) {
        String cleaned = raw.replace("$", "").replace(",", "").replace(" ", "").replace("USD", "");
        boolean parenthesized = cleaned.startsWith("(") && cleaned.endsWith(")");
        if (parenthesized) {
            cleaned = "-" + cleaned.substring(1, cleaned.length() - 1);
        }
        try {
            BigDecimal amount = new BigDecimal(cleaned);
            if (amount.scale() > 2) {
                throw new IllegalArgumentException("'" + raw + "' has more than 2 decimals");
            }
            if (amount.abs().compareTo(new BigDecimal("1000000000")) > 0) {
                throw new IllegalArgumentException("'" + raw + "' is larger than any debt we accept");
            }
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + shorten(raw) + "' is not an amount (use 2234.56 or $2,234.56)");
        }
    }

    /** ISO (2025-01-02), US (01/02/2025) or an Excel date serial (45659). */
    public static LocalDate date(String raw) {
        String value = raw.trim();
        try {
            if (ISO.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
            if (US.matcher(value).matches()) {
                return LocalDate.parse(value, US_DATE);
            }
            if (SERIAL.matcher(value).matches()) {
                long serial = (long) Double.parseDouble(value);
                if (serial >= 1 && serial <= 2_958_465) {
                    return EXCEL_EPOCH.plusDays(serial);
                }
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + shorten(raw) + "' is not a real date");
        }
        throw new IllegalArgumentException("'" + shorten(raw) + "' is not a date (use 2025-01-02 or 01/02/2025)");
    }

    public static boolean yesNo(String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "x", "si", "sí" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw new IllegalArgumentException("'" + shorten(raw) + "' is not yes or no");
        };
    }

    /** An enum constant named loosely: "Charge off", "charge-off" and "CHARGE_OFF" are the same. */
    public static <E extends Enum<E>> E constant(Class<E> type, String raw) {
        String wanted = raw.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted) || constant.name().replace("_", "").equals(wanted.replace("_", ""))) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name());
        }
        throw new IllegalArgumentException("'" + shorten(raw) + "' is not one of " + allowed);
    }

    public static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
