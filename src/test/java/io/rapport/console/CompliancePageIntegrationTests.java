package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import io.rapport.support.Browser;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import io.rapport.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Compliance staff see what the gate refused, by rule, with each refusal's reasons. */
@RapportIntegrationTest
class CompliancePageIntegrationTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    TestTenant tenant;
    Page page;

    @BeforeEach
    void aBlockedMessage() {
        tenant = tenants.create("Compliance page tests");
        ApiClient api = new ApiClient(port, tenant.apiKey());
        String account = api.post("/api/v1/accounts", SamplePlacements.json("CEASED-1")).json().get("id").asString();
        api.post("/api/v1/accounts/" + account + "/holds", "{\"kind\": \"CEASE\", \"reason\": \"Cease letter received\"}");
        String creditor = api.get("/api/v1/creditors").json().get("items").get(0).get("id").asString();
        String template = api.post("/api/v1/templates", "{\"creditorId\": \"" + creditor + "\", \"channel\": \"EMAIL\", "
                + "\"language\": \"en\", \"name\": \"Reminder\", \"subject\": \"Your account\", "
                + "\"body\": \"Hello {{consumer.firstName}}, please contact us.\"}").json().get("id").asString();
        var refused = api.post("/api/v1/accounts/" + account + "/messages",
                "{\"templateId\": \"" + template + "\", \"address\": \"ana@example.com\"}", "ceased-email");
        assertThat(refused.json().get("decision").get("reasons").findValuesAsString("rule")).contains("CEASE-01");
        page = browser.open("http://localhost:" + port);
    }

    @Test
    void aComplianceOfficerSeesTheRefusalUnderItsRuleWithTheReason() {
        ConsoleSteps.signIn(page, tenant.username(Role.COMPLIANCE));
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Console"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Compliance").setExact(true)).click();

        Locator byRule = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("By rule"));
        assertThat(byRule).containsText("CEASE-01");
        byRule.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("CEASE-01")).click();
        Locator latest = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Latest blocked by CEASE-01"));
        assertThat(latest).containsText("EMAIL");
        assertThat(latest).containsText("ana@example.com");
        assertThat(latest).containsText("cease");
    }

    @Test
    void anAgentIsRefusedTheCompliancePage() {
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        var response = page.navigate("http://localhost:" + port + "/console/compliance");

        assertThat(response.status()).isEqualTo(403);
    }
}
