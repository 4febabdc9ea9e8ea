package io.rapport.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.rapport.support.ApiClient;
import io.rapport.support.ElevenInTheMorningInMaryland;
import io.rapport.support.Eventually;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Payment requests through the API: an unguessable, expiring link per request, sent on each channel the gate
 * allows, reminded before expiry and expired on time. The clock stands at 11:00 in Maryland on a weekday
 * (2026-03-17T15:00Z), the sample consumer writes Spanish, has an email address and a mobile with text consent.
 */
@RapportIntegrationTest
@Import(ElevenInTheMorningInMaryland.class)
class PaymentRequestsIntegrationTests {

    static final Instant NOW = Instant.parse("2026-03-17T15:00:00Z");
    static final String EXPIRES = "2026-03-25T00:00:00Z";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    GreenMail mailServer;

    @Autowired
    PaymentRequestDeadlines deadlines;

    ApiClient api;
    String account;
    String email;
    String phone;

    @BeforeEach
    void aConsumerWithEmailAndATextableMobile() {
        api = new ApiClient(port, tenants.create("Payment request tests").apiKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        email = "ana." + suffix + "@example.com";
        phone = "+1301555" + String.format("%04d", Math.abs(suffix.hashCode()) % 10000);
        account = api.post("/api/v1/accounts", SamplePlacements.json("PR-" + suffix, "Ana", "Diaz", phone, email))
                .json().get("id").asString();
    }

    @Test
    void aRequestOnEmailAndTextIsSentOnBothWithEachDecisionAndAnUnguessableLink() throws Exception {
        ApiClient.Response created = create("""
                {"accountId": "%s", "amount": {"amount": 228456, "currency": "USD"}, "channels": ["EMAIL", "SMS"],
                 "expiresAt": "%s", "allowPlans": true,
                 "settlementOffer": {"amount": {"amount": 180000, "currency": "USD"}, "validUntil": "2026-03-24"}}""",
                "both-channels");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode request = created.json();
        assertThat(request.get("status").asString()).isEqualTo("SENT");
        String portalUrl = request.get("portalUrl").asString();
        assertThat(portalUrl).matches("http://localhost/p/[A-Za-z0-9_-]{43}");
        assertThat(request.get("sends")).hasSize(2);
        for (JsonNode send : request.get("sends")) {
            assertThat(send.get("allowed").asBoolean()).isTrue();
            assertThat(send.get("decision").get("decision").asString()).isEqualTo("ALLOW");
            assertThat(send.get("messageId").asString()).isNotBlank();
        }
        Eventually.holds(() -> assertThat(api.get("/api/v1/sms-sandbox/outbox").body()).contains(portalUrl).contains("$2,284.56"));
        Eventually.holds(() -> mailTo(email));
        MimeMessage mail = mailTo(email);
        String content = GreenMailUtil.getBody(mail);
        assertThat(mail.getSubject()).contains("Bank of Rockville");
        assertThat(content).contains("1,800.00").contains("liquidaci");
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body()).contains("payment-request.created");
    }

    @Test
    void theLinkOpensABrandedPageThatShowsNothingAboutTheDebt() throws Exception {
        String portalUrl = create(body("[\"SMS\"]"), "landing").json().get("portalUrl").asString();

        HttpResponse<String> page = open(portalUrl);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Bank of Rockville").contains("Su enlace de pago seguro")
                .doesNotContain("2284").doesNotContain("Diaz").doesNotContain("789");
        assertThat(open(portalUrl.substring(0, portalUrl.length() - 3) + "abc").statusCode()).isEqualTo(404);
        assertThat(open("http://localhost/p/short").statusCode()).isEqualTo(404);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameRequestAndSendsNothingTwice() {
        String first = create(body("[\"SMS\"]"), "retried").json().get("id").asString();
        String again = create(body("[\"SMS\"]"), "retried").json().get("id").asString();

        assertThat(again).isEqualTo(first);
        assertThat(api.get("/api/v1/accounts/" + account + "/payment-requests").json().get("items")).hasSize(1);
    }

    @Test
    void anAgentCreatesTheLinkWithoutSendingItAndTextsItDuringTheCall() {
        JsonNode linkOnly = create(body("[]"), "link-only").json();
        assertThat(linkOnly.get("status").asString()).isEqualTo("CREATED");
        assertThat(linkOnly.get("sends")).isEmpty();
        String portalUrl = linkOnly.get("portalUrl").asString();
        assertThat(api.get("/api/v1/sms-sandbox/outbox").body()).doesNotContain(portalUrl);

        ApiClient.Response sent = api.post("/api/v1/payment-requests/" + linkOnly.get("id").asString() + "/send",
                "{\"channels\": [\"SMS\"]}", "during-call");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("SENT");
        assertThat(sent.json().get("sends").get(0).get("occasion").asString()).isEqualTo("AGENT");
        Eventually.holds(() -> assertThat(api.get("/api/v1/sms-sandbox/outbox").body()).contains(portalUrl));
    }

    @Test
    void withoutChannelsTheConsumersPreferredChannelIsUsed() {
        JsonNode request = create("{\"accountId\": \"" + account + "\", \"expiresAt\": \"" + EXPIRES + "\"}", "preferred").json();

        assertThat(request.get("sends")).hasSize(1);
        assertThat(request.get("sends").get(0).get("channel").asString()).isEqualTo("EMAIL");
        assertThat(request.get("amount").get("amount").asLong()).as("the balance").isEqualTo(228456);
    }

    @Test
    void aConsumerWhoPrefersTextsGetsTheRequestByTextWhenTheCallerNamesNoChannel() {
        ApiClient.Response saved = api.put("/api/v1/accounts/" + account + "/preferences",
                "{\"preferredChannel\": \"SMS\", \"source\": \"said so on a call\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/" + account + "/preferences").json().get("preferredChannel").asString()).isEqualTo("SMS");

        JsonNode request = create("{\"accountId\": \"" + account + "\", \"expiresAt\": \"" + EXPIRES + "\"}", "prefers-sms").json();

        assertThat(request.get("sends")).hasSize(1);
        assertThat(request.get("sends").get(0).get("channel").asString()).isEqualTo("SMS");
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body()).contains("Prefers to be reached by sms");
        assertThat(field(api.put("/api/v1/accounts/" + account + "/preferences", "{\"preferredChannel\": \"CALL\", \"source\": \"x\"}")))
                .isEqualTo("preferredChannel");
    }

    @Test
    void underACeaseHoldEveryChannelIsBlockedWithTheRuleAndNothingIsSent() {
        api.post("/api/v1/accounts/" + account + "/holds", "{\"kind\": \"CEASE\", \"reason\": \"Cease letter received\"}");

        JsonNode request = create(body("[\"EMAIL\", \"SMS\"]"), "ceased").json();

        assertThat(request.get("status").asString()).isEqualTo("BLOCKED");
        for (JsonNode send : request.get("sends")) {
            assertThat(send.get("allowed").asBoolean()).isFalse();
            assertThat(send.get("decision").get("reasons").findValuesAsString("rule")).contains("CEASE-01");
            assertThat(send.has("messageId")).isFalse();
        }
        assertThat(api.get("/api/v1/sms-sandbox/outbox").body()).doesNotContain(request.get("portalUrl").asString());
    }

    @Test
    void theReminderGoesOutOnceBeforeExpiryOnTheChannelsTheRequestReached() {
        String id = create(body("[\"SMS\"]").replace(EXPIRES, "2026-03-18T21:00:00Z"), "to-remind").json().get("id").asString();
        JsonNode created = api.get("/api/v1/payment-requests/" + id).json();
        assertThat(created.get("reminder").get("state").asString()).isEqualTo("PENDING");
        assertThat(created.get("reminder").get("dueAt").asString()).isEqualTo("2026-03-17T21:00:00Z");

        deadlines.remindDue(NOW);
        assertThat(api.get("/api/v1/payment-requests/" + id).json().get("reminder").get("state").asString()).isEqualTo("PENDING");

        deadlines.remindDue(Instant.parse("2026-03-17T21:00:00Z"));
        deadlines.remindDue(Instant.parse("2026-03-17T21:05:00Z"));

        JsonNode reminded = api.get("/api/v1/payment-requests/" + id).json();
        assertThat(reminded.get("reminder").get("state").asString()).as(reminded.toString()).isEqualTo("SENT");
        assertThat(reminded.get("sends").findValuesAsString("occasion")).containsExactly("CREATED", "REMINDER");
        Eventually.holds(() -> assertThat(api.get("/api/v1/sms-sandbox/outbox").body().split("recordatorio", -1).length - 1)
                .as("one reminder").isEqualTo(1));
        assertThat(reminded.get("status").asString()).as("a reminder does not change what was sent").isEqualTo("SENT");
    }

    @Test
    void aRequestExpiresOnTimeAndItsLinkThenSaysSo() throws Exception {
        JsonNode request = create(body("[\"SMS\"]"), "to-expire").json();
        String id = request.get("id").asString();

        deadlines.expireDue(Instant.parse(EXPIRES).minusSeconds(1));
        assertThat(api.get("/api/v1/payment-requests/" + id).json().get("status").asString()).isEqualTo("SENT");
        deadlines.expireDue(Instant.parse(EXPIRES));
        deadlines.expireDue(Instant.parse(EXPIRES).plusSeconds(60));

        JsonNode expired = api.get("/api/v1/payment-requests/" + id).json();
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("reminder").get("state").asString()).isEqualTo("SKIPPED");
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body().split("payment-request.expired", -1).length - 1)
                .isEqualTo(1);
        HttpResponse<String> page = open(request.get("portalUrl").asString());
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Este enlace de pago venció");
        ApiClient.Response late = api.post("/api/v1/payment-requests/" + id + "/send", "{\"channels\": [\"SMS\"]}", "too-late");
        assertThat(late.status()).isEqualTo(400);
    }

    @Test
    void badRequestsNameTheField() {
        assertThat(field(create(body("[\"SMS\"]").replace("228456", "999999999"), "too-much"))).isEqualTo("amount.amount");
        assertThat(field(create(body("[\"SMS\"]").replace(EXPIRES, "2026-03-01T00:00:00Z"), "past"))).isEqualTo("expiresAt");
        assertThat(field(create(body("[\"FAX\"]"), "fax"))).startsWith("channels");
        assertThat(field(create(body("[\"SMS\"]").replace("\"channels\"",
                "\"settlementOffer\": {\"amount\": {\"amount\": 300000, \"currency\": \"USD\"}, \"validUntil\": \"2026-03-20\"}, \"channels\""),
                "settle-more"))).isEqualTo("settlementOffer.amount");
        assertThat(field(create("{\"expiresAt\": \"" + EXPIRES + "\"}", "no-account"))).isEqualTo("accountId");
        ApiClient.Response noKey = api.post("/api/v1/payment-requests", body("[\"SMS\"]"));
        assertThat(field(noKey)).isEqualTo("Idempotency-Key");
        assertThat(api.get("/api/v1/accounts/" + account + "/payment-requests").json().get("items")).isEmpty();
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        String id = create(body("[]"), "mine").json().get("id").asString();
        ApiClient other = new ApiClient(port, tenants.create("Another agency").apiKey());

        assertThat(other.get("/api/v1/payment-requests/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/accounts/" + account + "/payment-requests").status()).isEqualTo(404);
        assertThat(other.post("/api/v1/payment-requests", body("[]"), "theirs").status()).isEqualTo(404);
        assertThat(other.post("/api/v1/payment-requests/" + id + "/send", "{\"channels\": [\"SMS\"]}", "theirs-too").status())
                .isEqualTo(404);
    }

    private String body(String channels) {
        return "{\"accountId\": \"" + account + "\", \"amount\": {\"amount\": 228456, \"currency\": \"USD\"}, \"channels\": "
                + channels + ", \"expiresAt\": \"" + EXPIRES + "\"}";
    }

    private ApiClient.Response create(String json, String key) {
        return api.post("/api/v1/payment-requests", json.formatted(account, EXPIRES), key);
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asString();
    }

    private HttpResponse<String> open(String portalUrl) throws Exception {
        String path = URI.create(portalUrl).getPath();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private MimeMessage mailTo(String address) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }
}
