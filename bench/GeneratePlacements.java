import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a placement CSV of N realistic rows (one account and debt per row) in the layout of
 * the import contract. Usage: java GeneratePlacements.java ROWS OUT.csv
 */
public class GeneratePlacements {

    private static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
            "José", "María", "Juan", "Ana", "Luis", "Carmen", "David", "Sarah", "Daniel", "Lisa", "Carlos", "Rosa"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis",
            "Rodríguez", "Martínez", "Hernández", "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Lee"};
    private static final String[][] PLACES = {{"NY", "New York", "100", "212"}, {"MD", "Bethesda", "208", "301"},
            {"TX", "Houston", "770", "713"}, {"CA", "Los Angeles", "900", "213"}, {"FL", "Miami", "331", "305"},
            {"IL", "Chicago", "606", "312"}, {"AZ", "Phoenix", "850", "602"}, {"WA", "Seattle", "981", "206"},
            {"MA", "Boston", "021", "617"}, {"CO", "Denver", "802", "303"}};

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("account_ref,creditor,first_name,last_name,date_of_birth,language,address_line1,address_line2,city,state,"
                    + "postal_code,email,email_consent,mobile,sms_consent,debt_ref,account_number,original_creditor,"
                    + "current_creditor,itemization_date,itemization_date_type,amount_on_itemization_date,interest_since,"
                    + "fees_since,payments_since\n");
            for (int i = 1; i <= rows; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String[] place = PLACES[random.nextInt(PLACES.length)];
                boolean spanish = random.nextInt(5) == 0;
                long cents = 5_000 + random.nextInt(1_500_000);
                w.write("BENCH-" + i + ",Bank of Rockville," + first + "," + last + ",19" + (50 + random.nextInt(50)) + "-0"
                        + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "," + (spanish ? "es" : "en") + ","
                        + (100 + random.nextInt(9000)) + " Park Street," + (random.nextInt(4) == 0 ? "Apt " + random.nextInt(400) : "")
                        + "," + place[1] + "," + place[0] + "," + place[2] + String.format("%02d", random.nextInt(100)) + ","
                        + "person" + i + "@example.com," + (random.nextBoolean() ? "yes" : "no") + ","
                        + "\"(" + place[3] + ") 555-01" + String.format("%02d", random.nextInt(100)) + "\","
                        + (random.nextBoolean() ? "yes" : "no") + ",CC-" + i + "," + (100_000_000 + i) + ",Bank of Rockville,"
                        + "Bank of Rockville,2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + ",CHARGE_OFF,"
                        + "\"$" + String.format("%,d.%02d", cents / 100, cents % 100) + "\"," + (random.nextInt(50)) + ".00,"
                        + (random.nextInt(3) == 0 ? "25.00" : "0") + ",0\n");
            }
        }
    }
}
