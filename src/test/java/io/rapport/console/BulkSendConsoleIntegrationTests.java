package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import io.rapport.support.Browser;
import io.rapport.support.ElevenInTheMorningInMaryland;
import io.rapport.support.SamplePlacements;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

@Import(ElevenInTheMorningInMaryland.class)
class BulkSendConsoleIntegrationTests extends ConsoleInABrowser {

    @Override
    String tenantName() {
        return "Bulk send console tests";
    }

    @Test
    void aSupervisorUploadsAListSeesThePreviewConfirmsAndWatchesItFinish() {
        ApiClient api = new ApiClient(port, tenant.apiKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ana = place(api, "BC-A-" + suffix, "+13015550141", "ana." + suffix + "@example.com");
        String ben = place(api, "BC-B-" + suffix, "+13015550142", "ben." + suffix + "@example.com");
        byte[] file = ("account_ref,channel\r\n" + ana + ",EMAIL\r\n" + ben + ",SMS\r\nNOT-OURS,\r\n").getBytes(StandardCharsets.UTF_8);

        ConsoleSteps.signIn(page, tenant.username(Role.SUPERVISOR));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bulk sends").setExact(true)).click();
        page.getByLabel("Accounts file (CSV or XLSX)").setInputFiles(new FilePayload("spring.csv", "text/csv", file));
        page.getByLabel("Links valid for (days)").fill("10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check file")).click();

        assertThat(page).hasURL(Pattern.compile(".*/console/bulk-sends/[0-9a-f-]{36}$"));
        Locator preview = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Preview"));
        assertThat(preview).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(page.locator("#preview-channels")).containsText("Email");
        assertThat(page.locator("#preview-channels")).containsText("Sms");
        assertThat(page.locator("[data-field=would-send]")).hasText("2");
        assertThat(page.locator("[data-field=would-block]")).hasText("0");
        assertThat(page.locator("[data-field=sent]")).hasText("0");
        Locator rejected = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rejected rows")).locator("tbody tr");
        assertThat(rejected).hasCount(1);
        assertThat(rejected.first()).containsText("no account has the reference 'NOT-OURS'");
        Browser.screenshot(page, "bulk-send-preview");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and send 2 payment requests")).click();

        assertThat(page.locator("#bulk-send-state")).containsText("Done", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Bulk send progress")))
                .hasAttribute("value", "100");
        assertThat(page.locator("[data-field=sent]")).hasText("2");
        assertThat(page.locator("[data-field=blocked]")).hasText("0");
        assertThat(page.locator("[data-field=failed]")).hasText("0");
        Browser.screenshot(page, "bulk-send-done");

        page.navigate("/console/bulk-sends");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Recent bulk sends"))).containsText("spring.csv");
    }

    @Test
    void anAgentHasNoBulkSends() {
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bulk sends").setExact(true))).hasCount(0);
        page.navigate("/console/bulk-sends");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bulk sends"))).hasCount(0);
    }

    private static String place(ApiClient api, String ref, String phone, String email) {
        ApiClient.Response placed = api.post("/api/v1/accounts", SamplePlacements.json(ref, "Ana", "Diaz", phone, email));
        if (placed.status() != 201) {
            throw new AssertionError(placed.body());
        }
        return ref;
    }
}
