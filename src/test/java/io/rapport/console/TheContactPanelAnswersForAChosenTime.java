package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import io.rapport.support.SamplePlacements;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 21:00 check: an agent asks the "May I contact now?" panel about a time of their choosing. */
class TheContactPanelAnswersForAChosenTime extends ConsoleInABrowser {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final String PHONE = "+13125550144";

    String account;

    @Override
    String tenantName() {
        return "Contact panel tests";
    }

    @BeforeEach
    void placeAChicagoAccount() {
        ApiClient api = new ApiClient(port, tenant.apiKey());
        String json = SamplePlacements.json("CHI-1", "Dana", "Lee", PHONE, "dana@example.com")
                .replace("\"2323 Park Street\"", "\"233 S Wacker Dr\"").replace("\"Bethesda\"", "\"Chicago\"")
                .replace("\"MD\"", "\"IL\"").replace("\"20815\"", "\"60606\"");
        var placed = api.post("/api/v1/accounts", json);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        account = placed.json().get("id").asString();
    }

    Locator callRow() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("May I contact now?").setExact(true))
                .locator("tbody tr").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*CALL")));
    }

    void askFor(String dateTime, String zone) {
        page.getByLabel("As of (date and time)").fill(dateTime);
        page.getByLabel("Time zone of the date and time").selectOption(zone);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the gate")).click();
    }

    @Test
    void aCallIsAllowedAtOneMinuteToNineLocalAndBlockedAtOnePastUntilEightTheNextMorning() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        page.navigate("/console/accounts/" + account);
        assertThat(page.getByText("The consumer's local zone is America/Chicago")).isVisible();

        askFor(day + "T20:59", "local");
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("20:59 C");
        assertThat(callRow()).containsText("Allowed");
        assertThat(callRow()).containsText(PHONE);

        askFor(day + "T21:01", "local");
        assertThat(callRow()).containsText("Blocked");
        assertThat(callRow()).containsText("TIME-01");
        var opens = day.plusDays(1).atTime(8, 0).atZone(CHICAGO);
        String expected = DateTimeFormatter.ofPattern("MMM d, uuuu HH:mm zzz", Locale.US).format(opens) + " ("
                + DateTimeFormatter.ofPattern("HH:mm").format(opens.withZoneSameInstant(ZoneOffset.UTC)) + " UTC)";
        assertThat(callRow()).containsText(expected);
        assertThat(page.getByLabel("As of (date and time)")).hasValue(day + "T21:01");

        // The same instant written in UTC gives the same answer.
        var utc = day.atTime(21, 1).atZone(CHICAGO).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        askFor(utc.toString(), "UTC");
        assertThat(callRow()).containsText("TIME-01");
        assertThat(page.getByLabel("Time zone of the date and time")).hasValue("UTC");
    }
}
