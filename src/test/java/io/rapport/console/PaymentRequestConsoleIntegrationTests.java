package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import io.rapport.support.ElevenInTheMorningInMaryland;
import io.rapport.support.Eventually;
import io.rapport.support.SamplePlacements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/**
 * An agent on the phone with a consumer creates a payment link without sending it, reads it out, then texts it while
 * still on the call; the page shows what the gate decided each time. The clock stands at 11:00 in Maryland.
 */
@Import(ElevenInTheMorningInMaryland.class)
class PaymentRequestConsoleIntegrationTests extends ConsoleInABrowser {

    ApiClient api;
    String account;

    @Override
    String tenantName() {
        return "Payment link console tests";
    }

    @BeforeEach
    void anAccount() {
        api = new ApiClient(port, tenant.apiKey());
        account = api.post("/api/v1/accounts", SamplePlacements.json("CALL-1", "Ana", "Diaz", "+13015550177", "ana.call@example.com"))
                .json().get("id").asString();
    }

    @Test
    void anAgentCreatesALinkToReadOutThenTextsItDuringTheCall() {
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        page.navigate("/console/accounts/" + account);
        Locator panel = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Payment requests"));
        assertThat(panel.getByText("No payment request yet.")).isVisible();

        panel.getByLabel("Amount").fill("2,000.00");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create payment link")).click();

        assertThat(panel.getByRole(AriaRole.STATUS)).containsText("not sent");
        Locator row = panel.locator("tr[data-payment-request]");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("$2,000.00");
        assertThat(row).containsText("CREATED");
        String link = row.getByLabel("Payment link").inputValue();
        assertThat(link).matches("http://localhost/p/[A-Za-z0-9_-]{43}");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Text it")).click();

        assertThat(panel.getByRole(AriaRole.STATUS)).hasText("Sent by sms.");
        assertThat(panel.locator("tr[data-payment-request]")).containsText("SENT");
        Eventually.holds(() -> assertThat(api.get("/api/v1/sms-sandbox/outbox").body()).contains(link));
        assertThat(api.get("/api/v1/accounts/" + account + "/payment-requests").json().get("items")).hasSize(1);
    }

    @Test
    void aBadAmountIsExplainedAndNothingIsCreated() {
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        page.navigate("/console/accounts/" + account);
        Locator panel = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Payment requests"));

        panel.getByLabel("Amount").fill("99,999.00");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create payment link")).click();

        assertThat(panel.getByRole(AriaRole.ALERT)).containsText("more than the account's balance");
        assertThat(api.get("/api/v1/accounts/" + account + "/payment-requests").json().get("items")).isEmpty();
    }

    @Test
    void aViewerSeesPaymentRequestsButCannotCreateOrSendThem() {
        api.post("/api/v1/payment-requests", "{\"accountId\": \"" + account + "\", \"channels\": []}", "for-viewer");
        ConsoleSteps.signIn(page, tenant.username(Role.VIEWER));
        page.navigate("/console/accounts/" + account);
        Locator panel = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Payment requests"));

        assertThat(panel.locator("tr[data-payment-request]")).hasCount(1);
        assertThat(panel.getByRole(AriaRole.BUTTON)).hasCount(0);
        String csrf = ConsoleSteps.csrfToken(page);
        var refused = page.request().post("/console/accounts/" + account + "/payment-requests",
                com.microsoft.playwright.options.RequestOptions.create().setForm(com.microsoft.playwright.options.FormData.create()
                        .set("_csrf", csrf).set("formKey", "viewer-try").set("expiresInDays", "14")));
        assertThat(refused.status()).isEqualTo(403);
    }
}
