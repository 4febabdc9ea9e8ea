package io.rapport.platform;

/**
 * Escapes values written to CSV files people open in a spreadsheet: a cell that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe so Excel shows it
 * as text instead of running it as a formula (CSV injection), and quoting follows RFC 4180.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.contains(";")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** One CSV line, ending with CRLF as RFC 4180 says. */
    public static String line(Object... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(values[i]));
        }
        return out.append("\r\n").toString();
    }
}
