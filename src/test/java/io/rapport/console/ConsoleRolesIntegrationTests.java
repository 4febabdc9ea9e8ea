package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import io.rapport.support.SamplePlacements;
import org.junit.jupiter.api.Test;

class ConsoleRolesIntegrationTests extends ConsoleInABrowser {

    @Override
    String tenantName() {
        return "Roles tests";
    }

    Locator nav() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Console"));
    }

    Locator navLink(String name) {
        return nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aViewerSeesNoUploadAndIsRefusedWhenPostingAnImport() {
        ConsoleSteps.signIn(page, tenant.username(Role.VIEWER));
        assertThat(navLink("Audit log")).hasCount(0);
        assertThat(navLink("API keys")).hasCount(0);

        navLink("Imports").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Imports");
        assertThat(page.getByLabel("Placement file (CSV or XLSX)")).hasCount(0);

        var post = page.request().post("/console/imports", RequestOptions.create()
                .setMultipart(FormData.create().set("_csrf", ConsoleSteps.csrfToken(page))
                        .set("file", new com.microsoft.playwright.options.FilePayload("accounts.csv", "text/csv",
                                "externalRef\nX-1\n".getBytes())))
                .setMaxRedirects(0));
        assertThat(post.status()).isEqualTo(403);
    }

    @Test
    void anAgentDoesNotSeeTheAuditLogAndIsRefusedIt() {
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        assertThat(navLink("Accounts")).isVisible();
        assertThat(navLink("Imports")).isVisible();
        assertThat(navLink("Audit log")).hasCount(0);
        assertThat(navLink("API keys")).hasCount(0);

        var response = page.navigate("/console/audit");

        assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Not allowed");
        assertThat(page.navigate("/console/admin/api-keys").status()).isEqualTo(403);
    }

    @Test
    void complianceReadsTheAuditLogButMayNotManageApiKeys() {
        ConsoleSteps.signIn(page, tenant.username(Role.COMPLIANCE));
        assertThat(navLink("Audit log")).isVisible();
        assertThat(navLink("API keys")).hasCount(0);
        assertThat(page.navigate("/console/audit").status()).isEqualTo(200);
        assertThat(page.navigate("/console/admin/api-keys").status()).isEqualTo(403);
    }

    @Test
    void anAdminSeesThePlacementInTheAuditLogWithItsState() {
        var placed = new ApiClient(port, tenant.apiKey()).post("/api/v1/accounts", SamplePlacements.json("AUD-1"));
        assertThat(placed.status()).isEqualTo(201);
        String accountId = placed.json().get("id").asString();
        ConsoleSteps.signIn(page, tenant.username(Role.ADMIN));

        navLink("Audit log").click();

        Locator placement = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("account.placed"));
        assertThat(placement).hasCount(1);
        assertThat(placement).containsText("api-key:test key");
        assertThat(placement).containsText(accountId);
        placement.getByText("Before and after").click();
        assertThat(placement.locator("pre").last()).containsText("AUD-1");

        page.getByLabel("Show changes to").selectOption("ApiKey");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("account.placed"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("api-key.issued"))).hasCount(1);
    }
}
