package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiKeyAdministrationIntegrationTests extends ConsoleInABrowser {

    @Override
    String tenantName() {
        return "API key tests";
    }

    @Test
    void anAdminIssuesAKeyThatIsShownOnceWorksAgainstTheApiAndIsRefusedOnceRevoked() {
        ConsoleSteps.signIn(page, tenant.username(Role.ADMIN));
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("API keys")).click();

        page.getByLabel("Key name").fill("CRM sync");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue key")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("shown only this once");
        String key = page.getByLabel("Key for CRM sync").inputValue();
        assertThat(key).matches("rk_[A-Za-z0-9]{8}_[A-Za-z0-9]{24,}");
        ApiClient integration = new ApiClient(port, key);
        assertThat(integration.get("/api/v1/accounts").status()).isEqualTo(200);

        page.reload();
        assertThat(page).hasURL(Pattern.compile(".*/console/admin/api-keys$"));
        assertThat(page.locator("body")).not().containsText(key);
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("CRM sync"));
        assertThat(row).containsText("rk_" + key.substring(3, 11));
        assertThat(row).containsText("user:" + tenant.username(Role.ADMIN));

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke CRM sync")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The key is revoked");
        assertThat(row.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(row.getByRole(AriaRole.CELL).nth(5)).not().hasText("No");
        assertThat(integration.get("/api/v1/accounts").status()).isEqualTo(401);
    }

    @Test
    void aKeyWithoutANameIsNotIssued() {
        ConsoleSteps.signIn(page, tenant.username(Role.ADMIN));
        page.navigate("/console/admin/api-keys");
        page.getByLabel("Key name").fill("   ");
        page.getByLabel("Key name").evaluate("input => input.removeAttribute('required')");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue key")).click();

        assertThat(page.getByLabel("Key name")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Key name")).hasAccessibleDescription(Pattern.compile("Give the key a name"));
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("user:"))).hasCount(0);
    }
}
