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

    /**
     * Writes an error report: a header line {@code row,column,reason}, then one line per row the query answers (its
     * three columns in that order, the query taking the one parameter).
     */
    public static void errorReport(org.springframework.jdbc.core.simple.JdbcClient jdbc, String query, Object parameter,
            java.io.Writer out) {
        try {
            out.write(line("row", "column", "reason"));
            jdbc.sql(query).param(parameter).query(rs -> {
                try {
                    out.write(line(rs.getLong(1), rs.getString(2), rs.getString(3)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
