package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Deliverability;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import io.rapport.support.Browser;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import io.rapport.support.TestTenants.TestTenant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RapportIntegrationTest
class AccountConsoleIntegrationTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Deliverability deliverability;

    TestTenant tenant;
    ApiClient api;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create("Account console tests");
        api = new ApiClient(port, tenant.apiKey());
    }

    String base() {
        return "http://localhost:" + port;
    }

    String place(String json) {
        var response = api.post("/api/v1/accounts", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void anAgentFindsAnAccountByThePhoneNumberAsTypedAndByNameAndSeesAnItemizationThatAddsUp() {
        place(SamplePlacements.json("CRM-7001", "Ana", "Diaz", "+13015550123", "ana@example.com"));
        place(SamplePlacements.json("CRM-7002", "Bruno", "Keller", "+13015550199", "bruno@example.com"));
        Page page = browser.open(base());
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));

        page.getByLabel("Search accounts").fill("(301) 555-0123");
        page.getByRole(AriaRole.BUTTON, named("Search")).click();

        Locator rows = page.getByRole(AriaRole.TABLE).locator("tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("CRM-7001");
        assertThat(rows.first()).containsText("Ana Diaz");
        assertThat(rows.first()).containsText("$2,284.56");

        page.getByLabel("Search accounts").fill("bruno keller");
        page.getByRole(AriaRole.BUTTON, named("Search")).click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("Bruno Keller");

        page.getByLabel("Search accounts").fill("Diaz");
        page.getByRole(AriaRole.BUTTON, named("Search")).click();
        page.getByRole(AriaRole.LINK, named("CRM-7001")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Ana Diaz");
        Locator itemization = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Itemization of CC-CRM-7001"));
        assertThat(row(itemization, "Amount on Jan 2, 2025")).hasText("$2,234.56");
        assertThat(row(itemization, "+ Interest")).hasText("$75.00");
        assertThat(row(itemization, "+ Fees")).hasText("$25.00");
        assertThat(row(itemization, "− Payments and credits")).hasText("$50.00");
        assertThat(row(itemization, "= Current balance")).hasText("$2,284.56");
        Locator consumer = page.getByRole(AriaRole.REGION, named("Consumer"));
        assertThat(consumer).containsText("Apr 12, 1985");
        assertThat(consumer).containsText("Spanish");
        assertThat(consumer).containsText("Bethesda, MD 20815");
        assertThat(consumer).containsText("Unverified");
        assertThat(page.getByRole(AriaRole.REGION, named("Contact points"))).containsText("+13015550123");
        Locator consents = page.getByRole(AriaRole.REGION, named("Consents"));
        assertThat(consents).containsText("creditor-application");
        assertThat(consents).containsText("Granted");
        assertThat(page.getByRole(AriaRole.REGION, named("Holds and flags"))).containsText("No holds");
        assertThat(page.getByRole(AriaRole.REGION, named("History"))).containsText("Account placed");
        Locator contactNow = page.getByRole(AriaRole.REGION, named("May I contact now?"));
        assertThat(contactNow.locator("tbody tr")).hasCount(4); // call and text to the mobile, email, letter
        assertThat(contactNow).containsText("CALL");
        assertThat(contactNow).containsText("LETTER");

        Browser.screenshot(page, "account-desktop");
        Page phone = browser.open(base(), 375, 812);
        ConsoleSteps.signIn(phone, tenant.username(Role.AGENT));
        phone.navigate(page.url());
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Ana Diaz");
        Browser.screenshot(phone, "account-375");
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(375);
    }

    @Test
    void anAgentSeesThatAnEmailAddressBouncedNextToIt() {
        String account = place(SamplePlacements.json("CRM-7101", "Ana", "Diaz", "+13015550123", "ana@example.com"));
        deliverability.markContactPointUndeliverable(tenant.system(), new AccountId(UUID.fromString(account)), "ana@example.com",
                "the email bounced (550 5.1.1 user unknown)");
        Page page = browser.open(base());
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));

        page.navigate(base() + "/console/accounts/" + account);

        Locator emailRow = page.getByRole(AriaRole.REGION, named("Contact points")).locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText("ana@example.com"));
        assertThat(emailRow.locator(".verification")).hasText("Undeliverable");
        assertThat(emailRow).containsText("the email bounced (550 5.1.1 user unknown)");
        Locator phoneRow = page.getByRole(AriaRole.REGION, named("Contact points")).locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText("+13015550123"));
        assertThat(phoneRow.locator(".verification")).hasText("Unverified");
    }

    private static Locator row(Locator table, String label) {
        return table.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(
                table.page().getByRole(AriaRole.ROWHEADER, named(label)))).getByRole(AriaRole.CELL);
    }

    @Test
    void filtersNarrowTheListAndUnreadableInputIsExplainedNextToTheField() {
        place(ConsoleSteps.placement("F-SMALL", "Carla", "Small", "+13015550101", "Rockville Water", 10000, 40));
        place(ConsoleSteps.placement("F-LARGE", "Dario", "Large", "+13015550102", "Rockville Water", 900000, 400));
        place(ConsoleSteps.placement("F-OTHER", "Elena", "Other", "+13015550103", "Bethesda Clinic", 500000, 200));
        Page page = browser.open(base());
        ConsoleSteps.signIn(page, tenant.username(Role.SUPERVISOR));
        Locator rows = page.getByRole(AriaRole.TABLE).locator("tbody tr");
        assertThat(rows).hasCount(3);

        page.getByText("Filters", new Page.GetByTextOptions().setExact(true)).click();
        page.getByLabel("Creditor").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Rockville Water"));
        page.getByRole(AriaRole.BUTTON, named("Apply filters")).click();
        assertThat(rows).hasCount(2);
        assertThat(page.getByRole(AriaRole.TABLE)).not().containsText("F-OTHER");

        page.getByLabel("Balance from").fill("1,000");
        page.getByRole(AriaRole.BUTTON, named("Apply filters")).click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("F-LARGE");

        page.getByLabel("Creditor").selectOption("");
        page.getByLabel("Balance from").fill("");
        page.getByLabel("Days past due from").fill("100");
        page.getByLabel("Days past due to").fill("300");
        page.getByRole(AriaRole.BUTTON, named("Apply filters")).click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("F-OTHER");

        page.getByLabel("Balance to").fill("abc");
        page.getByRole(AriaRole.BUTTON, named("Apply filters")).click();
        assertThat(page.getByLabel("Balance to")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Balance to")).hasAccessibleDescription("Enter an amount in dollars, like 1500 or 1,500.00.");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Correct the fields marked below");
        assertThat(page.getByRole(AriaRole.TABLE)).hasCount(0);
    }

    @Test
    void pagingWalksThroughEveryAccountOnceAndKeepsTheFilters() {
        for (int i = 1; i <= 5; i++) {
            place(ConsoleSteps.placement("P-" + i, "Pat" + (char) ('a' + i), "Pager", "+1301555011" + i, "Paging Bank", 10000, 30));
        }
        place(ConsoleSteps.placement("P-ELSEWHERE", "Quinn", "Elsewhere", "+13015550120", "Another Bank", 10000, 30));
        Page page = browser.open(base());
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));

        page.navigate("/console/accounts?q=Pager&limit=2");
        Locator rows = page.getByRole(AriaRole.TABLE).locator("tbody tr");
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        assertThat(rows).hasCount(2);
        seen.addAll(rows.locator("td:first-child").allInnerTexts());
        page.getByRole(AriaRole.LINK, named("Next page")).click();
        assertThat(page.getByLabel("Search accounts")).hasValue("Pager");
        assertThat(rows).hasCount(2);
        seen.addAll(rows.locator("td:first-child").allInnerTexts());
        page.getByRole(AriaRole.LINK, named("Next page")).click();
        assertThat(rows).hasCount(1);
        seen.addAll(rows.locator("td:first-child").allInnerTexts());

        assertThat(page.getByRole(AriaRole.LINK, named("Next page"))).hasCount(0);
        assertThat(seen).containsExactlyInAnyOrder("P-1", "P-2", "P-3", "P-4", "P-5");
        page.getByRole(AriaRole.LINK, named("First page")).click();
        assertThat(rows).hasCount(2);
    }

    @Test
    void anEmptySearchSaysSoAndTheListFitsA375PixelScreen() {
        place(SamplePlacements.json("CRM-8001", "Ana", "Diaz", "+13015550123", "ana@example.com"));
        place(SamplePlacements.json("CRM-8002", "Maximiliana", "Villalobos-Fitzgerald", "+13015550124", "max@example.com"));
        Page desktop = browser.open(base());
        ConsoleSteps.signIn(desktop, tenant.username(Role.AGENT));
        Browser.screenshot(desktop, "accounts-desktop");

        Page phone = browser.open(base(), 375, 812);
        ConsoleSteps.signIn(phone, tenant.username(Role.AGENT));
        assertThat(phone.getByRole(AriaRole.LINK, named("CRM-8002"))).isVisible();
        Browser.screenshot(phone, "accounts-375");
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(375);

        phone.getByText("Filters", new Page.GetByTextOptions().setExact(true)).click();
        Browser.screenshot(phone, "accounts-375-filters");
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(375);

        phone.getByLabel("Search accounts").fill("Nobody Atall");
        phone.getByRole(AriaRole.BUTTON, named("Search")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("No accounts match this search. Check the spelling or remove a filter.");
    }

    @Test
    void anotherTenantsAccountIsNotFoundInTheConsole() {
        TestTenant other = tenants.create("Other agency");
        String theirs = new ApiClient(port, other.apiKey()).post("/api/v1/accounts", SamplePlacements.json("THEIRS-1"))
                .json().get("id").asString();
        Page page = browser.open(base());
        ConsoleSteps.signIn(page, tenant.username(Role.ADMIN));

        var response = page.navigate("/console/accounts/" + theirs);

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Not found");
        assertThat(page.content()).doesNotContain("THEIRS-1").doesNotContain("Diaz");
        assertThat(page.navigate("/console/accounts/not-an-id").status()).isEqualTo(404);
        assertThat(page.navigate("/console/accounts/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }
}
