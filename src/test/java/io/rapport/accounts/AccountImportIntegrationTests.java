package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.ApiClient;
import io.rapport.support.PlacementFiles;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.TestTenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RapportIntegrationTest
class AccountImportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    ApiClient api;

    @BeforeEach
    void newTenant() {
        api = new ApiClient(port, tenants.create("Import tests").apiKey());
    }

    @Test
    void aMessyExcelExportImportsItsGoodRowsAndReportsTheBadOnesByRowAndColumn() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(PlacementFiles.HEADER);
        header.set(0, "Account Ref");           // spaces and capitals in headers
        header.add("Branch Office");            // an unknown column
        rows.add(header);
        rows.add(with(PlacementFiles.row("M-1", "D-1", "Ana", "Diaz", "(301) 555-0123", "$2,234.56"), "North"));
        rows.add(with(PlacementFiles.row("M-2", "D-2", "Bo", "Chan", "+13015550124", "99.10"), "South")); // 2
        List<String> bad = PlacementFiles.row("M-3", "D-3", "Cy", "Doe", "555", "abc");                  // 3: two bad cells
        rows.add(with(bad, ""));
        List<String> quoted = new ArrayList<>(PlacementFiles.row("M-4", "D-4", "Di", "Eve", "", "10"));
        quoted.set(6, "12 Oak Avenue; Unit \"B\"");                                                       // 4: quotes
        quoted.set(19, "45659");                                                                         // Excel serial
        rows.add(with(quoted, ""));
        List<String> formula = new ArrayList<>(PlacementFiles.row("M-5", "D-5", "=HYPERLINK(\"http://x\")", "Foe", "", "10"));
        rows.add(with(formula, ""));                                                                      // 5: formula
        rows.add(with(PlacementFiles.row("M-1", "D-6", "Ana", "Diaz", "(301) 555-0123", "100"), ""));    // 6: 2nd debt of M-1

        JsonNode status = importAndWait(PlacementFiles.csv(';', true, rows), "placements.csv");

        assertThat(status.get("status").asString()).isEqualTo("DONE");
        assertThat(status.get("total").asLong()).isEqualTo(6);
        assertThat(status.get("accepted").asLong()).isEqualTo(4);
        assertThat(status.get("rejected").asLong()).isEqualTo(2);
        assertThat(status.get("warnings").get(0).asString()).contains("branchoffice");
        JsonNode errors = status.get("errors");
        assertThat(errors.findValuesAsString("column")).contains("mobile", "amount_on_itemization_date", "first_name");
        assertThat(errors.get(0).get("row").asLong()).isEqualTo(3);
        assertThat(errors.findValuesAsString("message")).anyMatch(m -> m.contains("'abc' is not an amount"));
        assertThat(errors.findValuesAsString("message")).anyMatch(m -> m.contains("formula"));

        JsonNode ana = api.get("/api/v1/accounts?q=(301)%20555-0123").json().get("items");
        assertThat(ana).hasSize(1);
        JsonNode account = api.get("/api/v1/accounts/" + ana.get(0).get("id").asString()).json();
        assertThat(account.get("debts")).hasSize(2);
        // 2234.56 + 75.00 + 25.00 - 50.00 and 100 + 75.00 + 25.00 - 50.00
        assertThat(account.get("balance").get("amount").asLong()).isEqualTo(228456 + 15000);
        assertThat(account.get("consents").findValuesAsString("channel")).containsExactlyInAnyOrder("EMAIL", "SMS");
        JsonNode di = api.get("/api/v1/accounts?q=M-4").json().get("items").get(0);
        JsonNode diAccount = api.get("/api/v1/accounts/" + di.get("id").asString()).json();
        assertThat(diAccount.get("consumer").get("address").get("line1").asString()).isEqualTo("12 Oak Avenue; Unit \"B\"");
        assertThat(diAccount.get("debts").get(0).get("itemizationDate").asString()).isEqualTo("2025-01-02");
    }

    @Test
    void runningTheSameFileAgainChangesNothing() {
        byte[] file = PlacementFiles.csv(',', false, List.of(PlacementFiles.HEADER,
                PlacementFiles.row("R-1", "D-1", "Ana", "Diaz", "+13015550123", "10.00"),
                PlacementFiles.row("R-2", "D-2", "Bo", "Chan", "+13015550124", "20.00")));
        importAndWait(file, "first.csv");
        String before = api.get("/api/v1/accounts?q=R-1").json().get("items").get(0).toString();

        JsonNode again = importAndWait(file, "first.csv");

        assertThat(again.get("accepted").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/accounts?q=R-1").json().get("items").get(0).toString()).isEqualTo(before);
        String id = api.get("/api/v1/accounts?q=R-1").json().get("items").get(0).get("id").asString();
        assertThat(api.get("/api/v1/accounts/" + id).json().get("debts")).hasSize(1);
        assertThat(api.get("/api/v1/accounts/" + id + "/timeline").json().get("items")).hasSize(1);
    }

    @Test
    void anXlsxFileImportsLikeACsv() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(PlacementFiles.HEADER));
        List<Object> row = new ArrayList<>(PlacementFiles.row("X-1", "D-1", "Xia", "Li", "(301) 555-0155", "0"));
        row.set(19, 45659);          // a real date cell is a serial number in XLSX
        row.set(21, 1234.5);         // a number cell
        row.set(10, 2115);           // a ZIP code Excel turned into a number
        row.set(9, "MA");
        rows.add(row);

        JsonNode status = importAndWait(PlacementFiles.xlsx(rows), "placements.xlsx");

        assertThat(status.get("status").asString()).isEqualTo("DONE");
        assertThat(status.get("accepted").asLong()).isEqualTo(1);
        JsonNode found = api.get("/api/v1/accounts?q=X-1").json().get("items").get(0);
        JsonNode account = api.get("/api/v1/accounts/" + found.get("id").asString()).json();
        assertThat(account.get("debts").get(0).get("amountOnItemizationDate").get("amount").asLong()).isEqualTo(123450);
        assertThat(account.get("debts").get(0).get("itemizationDate").asString()).isEqualTo("2025-01-02");
        assertThat(account.get("consumer").get("address").get("postalCode").asString()).isEqualTo("02115");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAClearMessageAndImportsNothing() {
        byte[] latin1 = new String(PlacementFiles.csv(',', false, List.of(PlacementFiles.HEADER,
                PlacementFiles.row("L-1", "D-1", "José", "Núñez", "+13015550123", "10.00"))), StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.ISO_8859_1);

        JsonNode status = importAndWait(latin1, "latin1.csv");

        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("failure").asString()).contains("not UTF-8").contains("CSV UTF-8");
        assertThat(api.get("/api/v1/accounts?q=L-1").json().get("items")).isEmpty();
    }

    @Test
    void aHugeCellIsRejectedWithoutHarm() {
        List<String> row = new ArrayList<>(PlacementFiles.row("H-1", "D-1", "Hu", "Ge", "+13015550123", "10.00"));
        row.set(6, "x".repeat(10 * 1024 * 1024));
        byte[] file = PlacementFiles.csv(',', false, List.of(PlacementFiles.HEADER, row,
                PlacementFiles.row("H-2", "D-2", "Ok", "Row", "+13015550124", "10.00")));

        JsonNode status = importAndWait(file, "huge.csv");

        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("failure").asString()).contains("more than 1,000,000 characters");
        assertThat(api.get("/actuator/health".replace("/actuator", "/api/v1/accounts?q=H-1&x=")).status()).isEqualTo(200);
    }

    @Test
    void aFileWithoutTheRequiredColumnsFailsNamingThem() {
        byte[] file = "name,balance\r\nAna,10\r\n".getBytes(StandardCharsets.UTF_8);

        JsonNode status = importAndWait(file, "wrong.csv");

        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("failure").asString()).contains("account_ref").contains("amount_on_itemization_date");
    }

    @Test
    void theErrorReportListsEveryRejectedRowSafeToOpenInASpreadsheet() {
        List<String> formula = new ArrayList<>(PlacementFiles.row("E-1", "D-1", "Ed", "Ok", "+13015550123", "10.00"));
        formula.set(9, "=cmd|' /C calc'!A0");
        byte[] file = PlacementFiles.csv(',', false, List.of(PlacementFiles.HEADER, formula,
                PlacementFiles.row("E-2", "D-2", "Bad", "Amount", "+13015550124", "ten")));
        String id = importAndWait(file, "errors.csv").get("id").asString();

        var report = api.get("/api/v1/imports/" + id + "/errors.csv");

        assertThat(report.status()).isEqualTo(200);
        String[] lines = report.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("row,column,reason");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("1,state,");
        assertThat(lines[1]).doesNotContain(",=").contains(",'=CMD");
        assertThat(lines[2]).startsWith("2,amount_on_itemization_date,");
    }

    @Autowired
    AccountImports imports;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void anImportWhoseNodeStoppedIsResumedAndNothingIsPlacedTwice() {
        byte[] file = PlacementFiles.csv(',', false, List.of(PlacementFiles.HEADER,
                PlacementFiles.row("C-1", "D-1", "Cara", "Crash", "+13015550123", "10.00"),
                PlacementFiles.row("C-2", "D-2", "Cole", "Crash", "+13015550124", "20.00")));
        String id = importAndWait(file, "crash.csv").get("id").asString();
        // As a node that died mid-import leaves it: still RUNNING, counts part-way, heartbeat long gone.
        jdbc.update("update account_import set status = 'RUNNING', accepted = 1, total = 1, finished_at = null, "
                + "heartbeat_at = ? where id = ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)),
                java.util.UUID.fromString(id));

        imports.resumeStaleImports();
        JsonNode status = waitUntilDone(id);

        assertThat(status.get("status").asString()).isEqualTo("DONE");
        assertThat(status.get("accepted").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/accounts?q=Crash").json().get("items")).hasSize(2);
        String account = api.get("/api/v1/accounts?q=C-1").json().get("items").get(0).get("id").asString();
        assertThat(api.get("/api/v1/accounts/" + account).json().get("debts")).hasSize(1);
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").json().get("items")).hasSize(1);
    }

    @Test
    void anotherTenantsImportIsNotFound() {
        String id = importAndWait(PlacementFiles.csv(',', false, List.of(PlacementFiles.HEADER,
                PlacementFiles.row("T-1", "D-1", "Ta", "Te", "+13015550123", "1.00"))), "t.csv").get("id").asString();
        ApiClient other = new ApiClient(port, tenants.create("Other agency").apiKey());

        assertThat(other.get("/api/v1/imports/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/imports/" + id + "/errors.csv").status()).isEqualTo(404);
    }

    @Test
    void anUploadWithoutAFileIsABadRequestNamingTheField() {
        var response = api.postMultipart("/api/v1/imports/accounts", "empty.csv", new byte[0]);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    private JsonNode importAndWait(byte[] file, String name) {
        var started = api.postMultipart("/api/v1/imports/accounts", name, file);
        assertThat(started.status()).isEqualTo(202);
        return waitUntilDone(started.json().get("id").asString());
    }

    private JsonNode waitUntilDone(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status;
        do {
            status = api.get("/api/v1/imports/" + id).json();
            if (!status.get("status").asString().equals("RUNNING")) {
                return status;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import did not finish: " + status);
    }

    private static List<String> with(List<String> row, String extra) {
        List<String> all = new ArrayList<>(row);
        all.add(extra);
        return all;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
