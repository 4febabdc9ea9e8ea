package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.rapport.platform.Role;
import io.rapport.support.Browser;
import io.rapport.support.TestTenants;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleSignInIntegrationTests extends ConsoleInABrowser {

    @Override
    String tenantName() {
        return "Sign-in tests";
    }

    @Test
    void anAgentSignsInSeesTheirNameAndRoleAndSignsOut() {
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));

        assertThat(page.getByRole(AriaRole.BANNER)).containsText("AGENT Sign-in tests");
        assertThat(page.getByRole(AriaRole.BANNER)).containsText("Agent");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Accounts");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page).hasURL(Pattern.compile(".*/login\\?signedOut$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
        page.navigate("/console/accounts");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        ConsoleSteps.signInWith(page, tenant.username(Role.AGENT), "not the password at all");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The username or password is not correct.");
    }

    @Test
    void fiveFailuresLockTheUserOutEvenWithTheRightPasswordOnTheSixthAttempt() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            ConsoleSteps.signInWith(page, tenant.username(Role.SUPERVISOR), "wrong guess " + attempt);
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("The username or password is not correct.");
        }

        ConsoleSteps.signInWith(page, tenant.username(Role.SUPERVISOR), TestTenants.PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("locked after too many failed sign-ins");
        Browser.screenshot(page, "login-locked-out");
        page.navigate("/console/accounts");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void aVisitWithAnExpiredSessionAsksToSignInAgain() {
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        page.context().clearCookies();
        page.context().addCookies(List.of(new Cookie("JSESSIONID", "expired-session-id")
                .setDomain("localhost").setPath("/")));

        page.navigate("/console/accounts");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?expired$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your session expired. Sign in again to continue.");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        ConsoleSteps.signIn(page, tenant.username(Role.ADMIN));
        String token = ConsoleSteps.csrfToken(page);

        var withoutToken = page.request().post("/console/admin/api-keys",
                RequestOptions.create().setForm(FormData.create().set("name", "forged")).setMaxRedirects(0));
        var withToken = page.request().post("/console/admin/api-keys",
                RequestOptions.create().setForm(FormData.create().set("name", "genuine").set("_csrf", token))
                        .setMaxRedirects(0));

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withToken.status()).isEqualTo(302);
        page.navigate("/console/admin/api-keys");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("genuine");
        assertThat(page.getByRole(AriaRole.TABLE)).not().containsText("forged");
    }
}
