package io.rapport.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Placement files as creditors really send them. */
public final class PlacementFiles {

    public static final List<String> HEADER = List.of("account_ref", "creditor", "first_name", "last_name", "date_of_birth",
            "language", "address_line1", "address_line2", "city", "state", "postal_code", "email", "email_consent", "mobile",
            "sms_consent", "debt_ref", "account_number", "original_creditor", "current_creditor", "itemization_date",
            "itemization_date_type", "amount_on_itemization_date", "interest_since", "fees_since", "payments_since");

    private PlacementFiles() {
    }

    /** One good row as cells, in {@link #HEADER} order. */
    public static List<String> row(String ref, String debtRef, String first, String last, String mobile, String amount) {
        return List.of(ref, "Bank of Rockville", first, last, "1985-04-12", "en", "2323 Park Street", "", "Bethesda", "MD",
                "20815", first.toLowerCase() + "@example.com", "yes", mobile, "yes", debtRef, "123-456-789",
                "Bank of Rockville", "Bank of Rockville", "2025-01-02", "CHARGE_OFF", amount, "75.00", "25.00", "50.00");
    }

    public static byte[] csv(char delimiter, boolean bom, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(delimiter);
                }
                String cell = row.get(i);
                boolean quote = cell.indexOf(delimiter) >= 0 || cell.contains("\"") || cell.contains("\n");
                out.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<List<Object>> rows) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook workbook = new Workbook(out, "Rapport tests", "1.0");
            Worksheet sheet = workbook.newWorksheet("Placements");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
