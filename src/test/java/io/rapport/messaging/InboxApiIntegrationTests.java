package io.rapport.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.Actor;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import io.rapport.support.Eventually;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/**
 * The inbox over the API: free-text replies wait for an agent until marked handled, can be reopened, and the system's
 * own answers (STOP, HELP) never wait; each tenant sees and marks only its own replies.
 */
@RapportIntegrationTest
class InboxApiIntegrationTests {

    private static final String PHONE = "+13015550166";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Inbox inbox;

    private TestTenants.TestTenant tenant;
    private ApiClient api;
    private String account;

    @BeforeEach
    void anAccountThatTexts() {
        tenant = tenants.create("Inbox " + UUID.randomUUID());
        api = new ApiClient(port, tenant.apiKey());
        account = api.post("/api/v1/accounts", SamplePlacements.json("IN-" + UUID.randomUUID().toString().substring(0, 8), "Ana",
                "Diaz", PHONE, "ana.inbox@example.com")).json().get("id").asString();
    }

    @Test
    void aFreeTextReplyWaitsUntilMarkedHandledAndComesBackWhenReopened() {
        String question = reply("Can I pay on Friday instead? My card is 4111 1111 1111 1111");
        String stop = reply("STOP");

        JsonNode open = api.get("/api/v1/inbox").json();
        assertThat(ids(open)).containsExactly(question);
        assertThat(open.get("items").get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get("items").get(0).get("intent").asString()).isEqualTo("OTHER");
        assertThat(open.get("items").get(0).get("accountId").asString()).isEqualTo(account);
        assertThat(ids(api.get("/api/v1/inbox?status=all").json())).containsExactly(stop, question);
        assertThat(api.get("/api/v1/inbox/" + stop).json().get("status").asString()).isEqualTo("ANSWERED");
        assertThat(ids(api.get("/api/v1/inbox?status=handled").json())).isEmpty();

        ApiClient.Response handled = api.post("/api/v1/inbox/" + question + "/handled",
                "{\"note\": \"  called back, promised to pay Friday  \"}");
        assertThat(handled.status()).as(handled.body()).isEqualTo(200);
        JsonNode item = handled.json();
        assertThat(item.get("status").asString()).isEqualTo("HANDLED");
        assertThat(item.get("handled").get("by").asString()).isEqualTo("api-key:test key");
        assertThat(item.get("handled").get("note").asString()).isEqualTo("called back, promised to pay Friday");
        assertThat(item.get("handled").get("at").asString()).isNotBlank();
        assertThat(ids(api.get("/api/v1/inbox").json())).isEmpty();
        assertThat(ids(api.get("/api/v1/inbox?status=handled").json())).containsExactly(question);

        ApiClient.Response again = api.post("/api/v1/inbox/" + question + "/handled", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(again.json().get("detail").asString()).contains("already handled by api-key:test key");

        String timeline = api.get("/api/v1/accounts/" + account + "/timeline").body();
        assertThat(timeline).contains("Text reply handled: \\\"called back, promised to pay Friday\\\" (message " + question + ")");
        JsonNode audit = api.get("/api/v1/audit-events?entityType=Message").json().get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("reply.handled");
        assertThat(audit.get("entityId").asString()).isEqualTo(question);
        assertThat(audit.get("after").asString()).contains("HANDLED", "called back").doesNotContain("Friday instead", "4111");

        // Reopened without a body at all, as a dialer might.
        ApiClient.Response reopened = api.post("/api/v1/inbox/" + question + "/reopen", "");
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.json().has("handled")).isFalse();
        assertThat(reopened.json().get("reopened").get("by").asString()).isEqualTo("api-key:test key");
        assertThat(ids(api.get("/api/v1/inbox").json())).containsExactly(question);
        assertThat(api.post("/api/v1/inbox/" + question + "/reopen", "{\"note\": \"again\"}").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body()).contains("Text reply reopened (message " + question + ")");
    }

    @Test
    void repliesTheSystemAnsweredNeverNeedAnAgent() {
        String help = reply("HELP");

        ApiClient.Response marked = api.post("/api/v1/inbox/" + help + "/handled", "{}");

        assertThat(marked.status()).isEqualTo(409);
        assertThat(marked.json().get("detail").asString()).contains("answered by the system (help)");
        assertThat(api.post("/api/v1/inbox/" + help + "/reopen", "{}").status()).isEqualTo(409);
        assertThat(ids(api.get("/api/v1/inbox").json())).isEmpty();
    }

    @Test
    void anotherTenantsReplyAnOutboundMessageOrAnUnknownIdIsNotFound() {
        String question = reply("Who is this?");
        reply("STOP");
        String confirmation = outboundText();
        TestTenants.TestTenant other = tenants.create("Other inbox " + UUID.randomUUID());
        ApiClient stranger = new ApiClient(port, other.apiKey());

        assertThat(ids(stranger.get("/api/v1/inbox?status=all").json())).isEmpty();
        for (String path : List.of("/api/v1/inbox/" + question + "/handled", "/api/v1/inbox/" + question + "/reopen")) {
            ApiClient.Response answer = stranger.post(path, "{\"note\": \"x\"}");
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(stranger.get("/api/v1/inbox/" + question).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/inbox/" + confirmation + "/handled", "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inbox/" + confirmation).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/inbox/" + UUID.randomUUID() + "/handled", "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inbox/" + question).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aViewerMayReadTheInboxButNotMarkIt() {
        String question = reply("I lost my job, can we talk?");
        Actor viewer = new Actor(tenant.id(), tenant.username(Role.VIEWER), Actor.Kind.USER, Role.VIEWER);
        Actor compliance = new Actor(tenant.id(), tenant.username(Role.COMPLIANCE), Actor.Kind.USER, Role.COMPLIANCE);
        Actor agent = new Actor(tenant.id(), tenant.username(Role.AGENT), Actor.Kind.USER, Role.AGENT);
        MessageId id = new MessageId(UUID.fromString(question));

        assertThat(inbox.list(tenant.id(), Inbox.Show.OPEN, null, 10).items()).extracting(Inbox.Reply::messageId)
                .containsExactly(id.value());
        assertThatThrownBy(() -> inbox.markHandled(viewer, id, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inbox.markHandled(compliance, id, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(inbox.find(tenant.id(), id)).hasValueSatisfying(r -> assertThat(r.needsAnAgent()).isTrue());

        assertThat(inbox.markHandled(agent, id, "set up a plan").handled().by()).isEqualTo("user:" + tenant.username(Role.AGENT));
        assertThatThrownBy(() -> inbox.reopen(viewer, id, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(inbox.openCount(tenant.id())).isZero();
    }

    @Test
    void notesAreShortStatusesAreKnownAndListsArePaged() {
        String first = reply("First question");
        String second = reply("Second question");

        ApiClient.Response tooLong = api.post("/api/v1/inbox/" + first + "/handled", "{\"note\": \"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        ApiClient.Response badStatus = api.get("/api/v1/inbox?status=closed");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        JsonNode page = api.get("/api/v1/inbox?status=open&limit=1").json();
        assertThat(ids(page)).containsExactly(second);
        JsonNode next = api.get("/api/v1/inbox?status=open&limit=1&cursor=" + page.get("nextCursor").asString()).json();
        assertThat(ids(next)).containsExactly(first);
        assertThat(next.has("nextCursor")).isFalse();
    }

    private String reply(String text) {
        ApiClient.Response answer = api.post("/api/v1/sms-sandbox/replies", "{\"from\": \"" + PHONE + "\", \"body\": \"" + text + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("matched").asBoolean()).isTrue();
        return answer.json().get("messageId").asString();
    }

    /** The confirmation the system texted after STOP, once its provider took it. */
    private String outboundText() {
        List<String> found = new ArrayList<>();
        Eventually.holds(() -> {
            JsonNode items = api.get("/api/v1/sms-sandbox/outbox").json().get("items");
            assertThat(items.size()).isPositive();
            found.add(items.get(0).get("messageId").asString());
        });
        return found.get(0);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("messageId").asString()));
        return ids;
    }
}
