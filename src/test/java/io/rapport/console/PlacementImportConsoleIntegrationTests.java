package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.rapport.platform.Role;
import io.rapport.support.Browser;
import io.rapport.support.PlacementFiles;
import io.rapport.support.TestTenants.TestTenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlacementImportConsoleIntegrationTests extends ConsoleInABrowser {

    @Override
    String tenantName() {
        return "Import console tests";
    }

    @Test
    void anAgentUploadsAMessyCsvWatchesItFinishAndDownloadsTheRejectedRow() throws IOException {
        byte[] messy = PlacementFiles.csv(';', true, List.of(PlacementFiles.HEADER,
                PlacementFiles.row("IMP-1", "D-1", "Ana", "Diaz", "(301) 555-0123", "$2,234.56"),
                PlacementFiles.row("IMP-2", "D-2", "Cy", "Doe", "+13015550124", "abc"),
                PlacementFiles.row("IMP-3", "D-3", "Bo", "Chan", "+13015550125", "99.10")));
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Imports").setExact(true)).click();

        page.getByLabel("Placement file (CSV or XLSX)").setInputFiles(new FilePayload("creditor-export.csv", "text/csv", messy));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start import")).click();

        assertThat(page).hasURL(Pattern.compile(".*/console/imports/[0-9a-f-]{36}$"));
        Locator progress = page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Import progress"));
        assertThat(progress).isVisible();
        assertThat(page.locator("#import-state")).containsText("Done", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(progress).hasAttribute("value", "100");
        assertThat(page.locator("[data-field=total]")).hasText("3");
        assertThat(page.locator("[data-field=accepted]")).hasText("2");
        assertThat(page.locator("[data-field=rejected]")).hasText("1");
        Locator rejected = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rejected rows"))
                .locator("tbody tr");
        assertThat(rejected).hasCount(1);
        assertThat(rejected.first()).containsText("amount_on_itemization_date");
        assertThat(rejected.first()).containsText("'abc' is not an amount");
        assertThat(rejected.first().getByRole(AriaRole.CELL).first()).hasText("2");
        Browser.screenshot(page, "import-done-desktop");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download error report (CSV)")).click());
        List<String> report = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(report.get(0)).isEqualTo("row,column,reason");
        assertThat(report).hasSize(2);
        assertThat(report.get(1)).startsWith("2,amount_on_itemization_date,").contains("'abc' is not an amount");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the account list")).click();
        page.getByLabel("Search accounts").fill("(301) 555-0123");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.TABLE).locator("tbody tr")).hasCount(1);
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("IMP-1");

        page.navigate("/console/imports");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Recent imports")))
                .containsText("creditor-export.csv");
    }

    @Test
    void aLongerFileIsFollowedByThePageUntilItIsDone() {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(PlacementFiles.HEADER);
        for (int i = 0; i < 1500; i++) {
            rows.add(PlacementFiles.row("BULK-" + i, "D-" + i, "Bulk", "Consumer" + i, "", "10.00"));
        }
        List<String> pageErrors = new java.util.ArrayList<>();
        page.onPageError(pageErrors::add);
        var progressPolls = new java.util.concurrent.atomic.AtomicInteger();
        page.onResponse(response -> {
            if (response.url().endsWith("/progress") && response.status() == 200) {
                progressPolls.incrementAndGet();
            }
        });
        ConsoleSteps.signIn(page, tenant.username(Role.SUPERVISOR));
        page.navigate("/console/imports");
        page.getByLabel("Placement file (CSV or XLSX)").setInputFiles(new FilePayload("bulk.csv", "text/csv",
                PlacementFiles.csv(',', false, rows)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start import")).click();
        assertThat(page).hasURL(Pattern.compile(".*/console/imports/[0-9a-f-]{36}$"));
        boolean shownWhileRunning = page.locator("#import-state").innerText().contains("Running");

        assertThat(page.locator("#import-state")).containsText("Done", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator("[data-field=accepted]")).hasText("1500");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rejected rows")))
                .containsText("No rows were rejected.");
        assertThat(pageErrors).isEmpty();
        if (shownWhileRunning) {
            assertThat(progressPolls.get()).as("the page polled the progress until the import was done").isPositive();
        }
    }

    @Test
    void uploadingNothingIsExplainedNextToTheFileField() {
        ConsoleSteps.signIn(page, tenant.username(Role.SUPERVISOR));
        page.navigate("/console/imports");
        page.getByLabel("Placement file (CSV or XLSX)").evaluate("input => input.removeAttribute('required')");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start import")).click();

        assertThat(page.getByLabel("Placement file (CSV or XLSX)")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Placement file (CSV or XLSX)")).hasAccessibleDescription("Choose a CSV or XLSX file that is not empty.");
    }

    @Test
    void anotherTenantsImportIsNotFound() {
        TestTenant other = tenants.create("Other import agency");
        Page theirs = browser.open("http://localhost:" + port);
        ConsoleSteps.signIn(theirs, other.username(Role.ADMIN));
        theirs.navigate("/console/imports");
        theirs.getByLabel("Placement file (CSV or XLSX)").setInputFiles(new FilePayload("theirs.csv", "text/csv",
                PlacementFiles.csv(',', false, List.of(PlacementFiles.HEADER,
                        PlacementFiles.row("T-1", "D-1", "Ana", "Diaz", "+13015550123", "10.00")))));
        theirs.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start import")).click();
        assertThat(theirs).hasURL(Pattern.compile(".*/console/imports/[0-9a-f-]{36}$"));
        String importPath = theirs.url().substring(theirs.url().indexOf("/console/"));

        ConsoleSteps.signIn(page, tenant.username(Role.ADMIN));

        assertThat(page.navigate(importPath).status()).isEqualTo(404);
        assertThat(page.navigate(importPath + "/progress").status()).isEqualTo(404);
        assertThat(page.request().get(importPath + "/errors.csv").status()).isEqualTo(404);
    }
}
