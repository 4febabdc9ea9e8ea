package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.accounts.AccountId;
import io.rapport.messaging.ApprovedContact;
import io.rapport.messaging.Channel;
import io.rapport.messaging.MessageSending;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.messaging.TemplateId;
import io.rapport.platform.Money;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import io.rapport.support.Browser;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo's mailbox and text outbox in the console, each showing only the viewer's organization's messages. */
@RapportIntegrationTest
class MessagingConsoleIntegrationTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MessageSending sending;

    @Test
    void anAgentReadsTheBrandedEmailAndTheTextTheConsumerGot() {
        TestTenants.TestTenant tenant = tenants.create("Mailbox " + UUID.randomUUID());
        ApiClient api = new ApiClient(port, tenant.apiKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "ana." + suffix + "@example.com";
        AccountId account = new AccountId(UUID.fromString(api.post("/api/v1/accounts",
                SamplePlacements.json("MB-" + suffix, "Ana", "Diaz", "+13015550177", email)).json().get("id").asString()));
        String creditor = api.get("/api/v1/creditors").json().get("items").get(0).get("id").asString();
        String emailTemplate = api.post("/api/v1/templates", "{\"creditorId\": \"" + creditor + "\", \"channel\": \"EMAIL\", "
                + "\"language\": \"en\", \"name\": \"Link\", \"subject\": \"Your payment link, {{consumer.firstName}}\", "
                + "\"body\": \"Pay {{payment.amount}} at {{payment.link}}\"}").json().get("id").asString();
        String smsTemplate = api.post("/api/v1/templates", "{\"creditorId\": \"" + creditor + "\", \"channel\": \"SMS\", "
                + "\"language\": \"en\", \"name\": \"Link\", \"body\": \"Pay {{payment.amount}} at {{payment.link}}\"}")
                .json().get("id").asString();
        PaymentRequestDetails payment = new PaymentRequestDetails(Money.of(228456, "USD"), "https://pay.rapport.example/p/k1",
                null, null);
        sending.send(new ApprovedContact(UUID.randomUUID(), tenant.id(), account, Channel.EMAIL, email, "mb-" + suffix,
                Instant.now()), new TemplateId(UUID.fromString(emailTemplate)), payment, null);
        sending.send(new ApprovedContact(UUID.randomUUID(), tenant.id(), account, Channel.SMS, "+13015550177", "sms-" + suffix,
                Instant.now()), new TemplateId(UUID.fromString(smsTemplate)), payment, null);

        Page page = browser.open("http://localhost:" + port);
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mailbox")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your payment link, Ana")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your payment link, Ana"))).isVisible();
        assertThat(page.locator("pre").first()).containsText("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        assertThat(page.frameLocator("iframe").getByText("This communication is from a debt collector")).isVisible();
        Browser.screenshot(page, "mailbox-message");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Text outbox")).click();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Reply STOP to opt out.");

        Page stranger = browser.open("http://localhost:" + port);
        ConsoleSteps.signIn(stranger, tenants.create("Other " + UUID.randomUUID()).username(Role.AGENT));
        stranger.navigate("/console/mailbox");
        assertThat(stranger.getByRole(AriaRole.MAIN)).not().containsText("Your payment link, Ana");
    }
}
