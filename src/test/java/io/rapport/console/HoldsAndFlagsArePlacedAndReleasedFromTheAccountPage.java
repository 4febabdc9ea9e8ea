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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Supervisors, compliance staff and admins place holds and flags from the account page and see the contact gate
 * follow them at once; agents read them and get no form.
 */
class HoldsAndFlagsArePlacedAndReleasedFromTheAccountPage extends ConsoleInABrowser {

    ApiClient api;
    String account;

    @Override
    String tenantName() {
        return "Holds console tests";
    }

    @BeforeEach
    void placeAnAccount() {
        api = new ApiClient(port, tenant.apiKey());
        var placed = api.post("/api/v1/accounts", SamplePlacements.json("HF-1"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        account = placed.json().get("id").asString();
    }

    /** Noon at the consumer's (Maryland, Eastern) address two days from now: no hour rule blocks a call then. */
    static String noonLocal() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(2) + "T12:00";
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    Locator callRow() {
        return page.getByRole(AriaRole.REGION, named("May I contact now?")).locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*CALL")));
    }

    @Test
    void aSupervisorPlacesAnInconvenientTimeAndACeaseAndTheCallIsBlockedUntilEachIsReleased() throws Exception {
        ConsoleSteps.signIn(page, tenant.username(Role.SUPERVISOR));
        page.navigate("/console/accounts/" + account + "?at=" + noonLocal());
        assertThat(callRow()).containsText("Allowed");

        page.getByLabel("Not from (local)").fill("11:00");
        page.getByLabel("Until (local)").fill("13:00");
        page.getByLabel("Reason for the inconvenient time").fill("Said on the phone: not over lunch");
        page.getByRole(AriaRole.BUTTON, named("Add inconvenient time")).click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Inconvenient time placed");
        assertThat(callRow()).containsText("Blocked");
        assertThat(callRow()).containsText("TIME-03");
        Locator flags = page.getByRole(AriaRole.TABLE, named("Holds and flags in force"));
        assertThat(flags).containsText("Not 11:00–13:00");
        assertThat(flags).containsText("Said on the phone: not over lunch");
        assertThat(flags).containsText("user:" + tenant.username(Role.SUPERVISOR));

        page.getByLabel("Why release Inconvenient time").fill("The consumer moved lunch");
        page.getByRole(AriaRole.BUTTON, named("Release Inconvenient time")).click();
        assertThat(callRow()).containsText("Allowed");

        page.getByLabel("Kind").selectOption("CEASE");
        page.getByLabel("Reason for the hold").fill("Written cease letter received");
        page.getByRole(AriaRole.BUTTON, named("Place hold")).click();
        assertThat(callRow()).containsText("Blocked");
        assertThat(callRow()).containsText("CEASE-01");

        page.getByLabel("Why release Cease").fill("The letter was about another consumer");
        page.getByRole(AriaRole.BUTTON, named("Release Cease")).click();
        assertThat(callRow()).containsText("Allowed");
        assertThat(page.getByText("No holds or flags in force")).isVisible();

        Locator history = page.getByRole(AriaRole.REGION, named("History"));
        assertThat(history).containsText("INCONVENIENT_TIME 11:00-13:00 placed: Said on the phone: not over lunch");
        assertThat(history).containsText("CEASE released: The letter was about another consumer");
        page.getByText("Released (2)").click();
        assertThat(page.getByRole(AriaRole.TABLE, named("Released holds and flags"))).containsText("The consumer moved lunch");
    }

    @Test
    void aComplianceOfficerNeedsAReasonAndIsToldWhatIsMissing() {
        ConsoleSteps.signIn(page, tenant.username(Role.COMPLIANCE));
        page.navigate("/console/accounts/" + account);
        // The browser would refuse the empty required field; a crafted post is refused by the server.
        var post = page.request().post("/console/accounts/" + account + "/holds", RequestOptions.create()
                .setForm(FormData.create().set("_csrf", ConsoleSteps.csrfToken(page)).set("kind", "INCONVENIENT_TIME")
                        .set("from", "20:00").set("reason", "")));
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.text()).contains("Not placed").contains("reason is required").contains("to is required");
    }

    @Test
    void anAgentSeesHoldsAndFlagsButNoFormAndIsRefusedWhenPosting() {
        var hold = api.post("/api/v1/accounts/" + account + "/holds", """
                {"kind": "INCONVENIENT_TIME", "days": ["SUNDAY"], "reason": "Not on Sundays, said the consumer"}""");
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        page.navigate("/console/accounts/" + account);

        Locator flags = page.getByRole(AriaRole.TABLE, named("Holds and flags in force"));
        assertThat(flags).containsText("The whole day");
        assertThat(flags).containsText("on Sunday");
        assertThat(flags).containsText("Not on Sundays, said the consumer");
        assertThat(flags).containsText("api-key:test key");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Place hold"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Add inconvenient time"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Release Inconvenient time"))).hasCount(0);

        var post = page.request().post("/console/accounts/" + account + "/holds", RequestOptions.create()
                .setForm(FormData.create().set("_csrf", ConsoleSteps.csrfToken(page)).set("kind", "CEASE")
                        .set("reason", "an agent tries")).setMaxRedirects(0));
        assertThat(post.status()).isEqualTo(403);
        var release = page.request().post("/console/accounts/" + account + "/holds/" + hold.json().get("id").asString()
                + "/release", RequestOptions.create().setForm(FormData.create().set("_csrf", ConsoleSteps.csrfToken(page))
                .set("reason", "an agent tries")).setMaxRedirects(0));
        assertThat(release.status()).isEqualTo(403);
        var stillHeld = api.get("/api/v1/accounts/" + account).json().get("holds").get(0);
        assertThat(stillHeld.has("releasedAt") && !stillHeld.get("releasedAt").isNull()).isFalse();
    }

    @Test
    void anAgentSendsADebtsValidationNoticeFromTheAccountPageAndAViewerCannot() {
        String creditor = api.get("/api/v1/accounts/" + account).json().get("creditor").get("id").asString();
        assertThat(api.put("/api/v1/creditors/" + creditor + "/branding",
                "{\"disputeAddress\": \"PO Box 1234\\nRockville, MD 20849\"}").status()).isEqualTo(200);
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        page.navigate("/console/accounts/" + account);
        assertThat(page.getByText("Not scheduled: no communication about this debt yet.")).isVisible();

        page.getByLabel("Send the notice of CC-HF-1 by").selectOption("LETTER");
        page.getByRole(AriaRole.BUTTON, named("Send validation notice now for CC-HF-1")).click();

        // Sent at once in the consumer's daytime; at night the gate's hours keep it scheduled and say why.
        Locator outcome = page.getByText(Pattern.compile("^Sent by letter on .*; the validation period ends .*"
                + "|^Last attempt: the contact gate blocked the letter at .*TIME-0[12].*"));
        assertThat(outcome).isVisible();
        if (outcome.textContent().startsWith("Sent")) {
            assertThat(page.getByRole(AriaRole.BUTTON, named("Send validation notice now for CC-HF-1"))).hasCount(0);
            assertThat(page.getByRole(AriaRole.REGION, named("History"))).containsText("as a letter for the next print batch");
        }

        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();
        ConsoleSteps.signIn(page, tenant.username(Role.VIEWER));
        page.navigate("/console/accounts/" + account);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Send validation notice now for CC-HF-1"))).hasCount(0);
    }
}
