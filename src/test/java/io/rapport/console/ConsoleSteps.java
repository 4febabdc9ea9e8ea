package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** What a person does in the console again and again, written once for the browser tests. */
final class ConsoleSteps {

    private ConsoleSteps() {
    }

    static void signIn(Page page, String username) {
        signInWith(page, username, TestTenants.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/console/accounts$"));
    }

    static void signInWith(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** The CSRF token of the signed-in session, as every console form carries it. */
    static String csrfToken(Page page) {
        return page.locator("input[name=_csrf]").first().inputValue();
    }

    /**
     * The API contract's example placement, changed where a test needs it: another creditor, another
     * amount on the itemization date (in cents) and a last payment so many days ago.
     */
    static String placement(String ref, String firstName, String lastName, String phone, String creditor,
            long amountOnItemizationDate, int daysSinceLastPayment) {
        return SamplePlacements.json(ref, firstName, lastName, phone, firstName.toLowerCase() + "@example.com")
                .replace("\"Bank of Rockville\"", "\"" + creditor + "\"")
                .replace("\"amount\": 223456", "\"amount\": " + amountOnItemizationDate)
                .replace("\"lastPaymentOn\": \"2024-11-30\"",
                        "\"lastPaymentOn\": \"" + LocalDate.now().minusDays(daysSinceLastPayment) + "\"");
    }
}
