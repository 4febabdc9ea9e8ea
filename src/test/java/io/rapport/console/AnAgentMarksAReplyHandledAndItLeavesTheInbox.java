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
import io.rapport.support.Browser;
import io.rapport.support.SamplePlacements;
import org.junit.jupiter.api.Test;

/**
 * The inbox as an agent works it: a consumer's free-text reply waits under "needs an agent" (and is counted in the
 * navigation), the agent marks it handled with a note, it leaves the open list and shows on the account's history;
 * it can be reopened. A viewer reads the inbox but may not mark anything.
 */
class AnAgentMarksAReplyHandledAndItLeavesTheInbox extends ConsoleInABrowser {

    private static final String PHONE = "+13015550144";

    @Override
    String tenantName() {
        return "Inbox console";
    }

    @Test
    void anAgentMarksAFreeTextReplyHandledWithANoteAndReopensIt() {
        String account = placeAccount();
        consumerTexts("HELP");
        consumerTexts("Can I pay half now and half on Friday?");

        ConsoleSteps.signIn(page, tenant.username(Role.AGENT));
        Locator inboxLink = nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inbox"));
        assertThat(inboxLink).hasText("Inbox (1)");
        inboxLink.click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Inbox (1)");
        assertThat(tab("Needs an agent (1)")).hasAttribute("aria-current", "page");
        Locator replies = page.locator("tr[data-reply]");
        assertThat(replies).hasCount(1);
        Locator reply = replies.first();
        assertThat(reply).containsText("Can I pay half now and half on Friday?");
        assertThat(reply).containsText("Needs an agent");
        Browser.screenshot(page, "inbox-needs-an-agent");

        reply.getByLabel("Note (optional)").fill("Called back, promised to pay Friday");
        reply.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark handled")).click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("is marked handled");
        assertThat(page.locator("tr[data-reply]")).hasCount(0);
        assertThat(page.getByText("No reply needs an agent.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Inbox");
        assertThat(inboxLink).hasText("Inbox");

        tab("Handled").click();
        Locator handled = page.locator("tr[data-reply]");
        assertThat(handled).hasCount(1);
        assertThat(handled.first()).containsText("Handled by AGENT Inbox console");
        assertThat(handled.first()).containsText("“Called back, promised to pay Friday”");
        Browser.screenshot(page, "inbox-handled");

        tab("All replies").click();
        assertThat(page.locator("tr[data-reply]")).hasCount(2);
        assertThat(page.locator("tr[data-reply]").nth(1)).containsText("help (answered)");
        assertThat(page.locator("tr[data-reply]").nth(1).getByRole(AriaRole.BUTTON)).hasCount(0);

        page.locator("tr[data-reply]").first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open account")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console/accounts/" + account + "$"));
        Locator history = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("History, newest first"));
        assertThat(history.locator("li").first()).containsText("Text reply handled: \"Called back, promised to pay Friday\"");
        assertThat(history.locator("li").first()).containsText("by user:" + tenant.username(Role.AGENT));

        inboxLink.click();
        tab("Handled").click();
        page.locator("tr[data-reply]").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reopen")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("is open again");
        assertThat(inboxLink).hasText("Inbox (1)");
        tab("Needs an agent (1)").click();
        assertThat(page.locator("tr[data-reply]").first()).containsText("Reopened by AGENT Inbox console");
    }

    @Test
    void aViewerReadsTheInboxButMayNotMarkAReplyHandled() {
        placeAccount();
        String reply = consumerTexts("Please call me after 5pm");

        ConsoleSteps.signIn(page, tenant.username(Role.VIEWER));
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inbox (1)")).click();
        Locator row = page.locator("tr[data-reply]");
        assertThat(row).hasCount(1);
        assertThat(row.first()).containsText("Please call me after 5pm");
        assertThat(row.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark handled"))).hasCount(0);

        var post = page.request().post("/console/inbox/" + reply + "/handled", RequestOptions.create()
                .setForm(FormData.create().set("_csrf", ConsoleSteps.csrfToken(page)).set("note", "done"))
                .setMaxRedirects(0));
        assertThat(post.status()).isEqualTo(403);
        page.reload();
        assertThat(page.locator("tr[data-reply]")).hasCount(1);
    }

    private Locator nav() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Console"));
    }

    private Locator tab(String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Which replies"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private String placeAccount() {
        ApiClient.Response placed = new ApiClient(port, tenant.apiKey()).post("/api/v1/accounts",
                SamplePlacements.json("INBOX-1", "Ana", "Diaz", PHONE, "ana.inbox@example.com"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }

    /** The consumer answers from their phone, through the sandbox SMS provider. */
    private String consumerTexts(String text) {
        ApiClient.Response received = new ApiClient(port, tenant.apiKey()).post("/api/v1/sms-sandbox/replies",
                "{\"from\": \"" + PHONE + "\", \"body\": \"" + text + "\"}");
        assertThat(received.status()).as(received.body()).isEqualTo(202);
        return received.json().get("messageId").asString();
    }
}
