package io.rapport.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.ApiClient;
import io.rapport.support.ElevenInTheMorningInMaryland;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Nothing reaches a consumer around the gate: a message is rendered, decided on its rendered
 * text and the account's facts, and sent only when allowed. The clock stands at 11:00 in
 * Maryland on a weekday, so time of day never decides these tests by accident.
 */
@RapportIntegrationTest
@Import(ElevenInTheMorningInMaryland.class)
class OutreachIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    ApiClient api;
    String account;
    String emailTemplate;
    String smsTemplate;
    String email;
    String phone;

    @BeforeEach
    void anAccountWithTemplates() {
        api = new ApiClient(port, tenants.create("Outreach tests").apiKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        email = "ana." + suffix + "@example.com";
        phone = "+1301555" + String.format("%04d", Math.abs(suffix.hashCode()) % 10000);
        account = api.post("/api/v1/accounts", SamplePlacements.json("OUT-" + suffix, "Ana", "Diaz", phone, email))
                .json().get("id").asString();
        String creditor = api.get("/api/v1/creditors").json().get("items").get(0).get("id").asString();
        emailTemplate = template(creditor, "EMAIL", "Hello {{consumer.firstName}}, your balance can be settled online.",
                "About your account");
        smsTemplate = template(creditor, "SMS", "Hi {{consumer.firstName}}, please call us about your account.", null);
    }

    @Test
    void anAllowedEmailIsSentWithTheGatesDecisionAndCountedInTheLedger() {
        var sent = send(emailTemplate, email, "first-email");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("decision").get("decision").asString()).isEqualTo("ALLOW");
        String message = sent.json().get("messageId").asString();
        assertThat(api.get("/api/v1/messages/" + message).json().get("status").asString()).isIn("SENT", "DELIVERED");
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").json().get("items").findValuesAsString("kind"))
                .isNotEmpty();
    }

    @Test
    void aFirstTextCarriesTheFullDisclosureSoTheGateAllowsIt() {
        var sent = send(smsTemplate, phone, "first-text");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/sms-sandbox/outbox").body())
                .contains("This is an attempt to collect a debt").contains("Reply STOP to opt out.");
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstOutcomeAndSendsNothing() {
        var first = send(emailTemplate, email, "retried");
        var retry = send(emailTemplate, email, "retried");

        assertThat(retry.json().get("messageId").asString()).isEqualTo(first.json().get("messageId").asString());
        assertThat(retry.json().get("decisionId").asString()).isEqualTo(first.json().get("decisionId").asString());
    }

    @Test
    void aTextAfterTheConsumerRevokedConsentIsBlockedAndNothingIsSent() {
        String consent = api.get("/api/v1/accounts/" + account).json().get("consents").get(0).get("id").asString();
        api.post("/api/v1/accounts/" + account + "/consents/" + consent + "/revoke", "{\"source\": \"phone call\"}");

        var blocked = send(smsTemplate, phone, "after-revocation");

        assertThat(blocked.status()).isEqualTo(200);
        JsonNode decision = blocked.json().get("decision");
        assertThat(decision.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(decision.get("reasons").findValuesAsString("rule")).containsAnyOf("OPT-02", "TCPA-01", "TCPA-02");
        assertThat(blocked.json().has("messageId")).isFalse();
        assertThat(api.get("/api/v1/sms-sandbox/outbox").body()).doesNotContain("please call us");
    }

    @Test
    void aCeaseHoldBlocksEveryCollectionMessage() {
        api.post("/api/v1/accounts/" + account + "/holds", "{\"kind\": \"CEASE\", \"reason\": \"Cease letter received\"}");

        var blocked = send(emailTemplate, email, "after-cease");

        assertThat(blocked.json().get("decision").get("reasons").findValuesAsString("rule")).contains("CEASE-01");
        assertThat(blocked.json().has("messageId")).isFalse();
    }

    @Test
    void withoutAnIdempotencyKeyNothingIsSent() {
        var response = api.post("/api/v1/accounts/" + account + "/messages",
                "{\"templateId\": \"" + emailTemplate + "\", \"address\": \"" + email + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    private ApiClient.Response send(String template, String address, String key) {
        return api.post("/api/v1/accounts/" + account + "/messages",
                "{\"templateId\": \"" + template + "\", \"address\": \"" + address + "\"}", key);
    }

    private String template(String creditor, String channel, String body, String subject) {
        var created = api.post("/api/v1/templates", "{\"creditorId\": \"" + creditor + "\", \"channel\": \"" + channel
                + "\", \"language\": \"en\", \"name\": \"Outreach " + UUID.randomUUID() + "\", "
                + (subject == null ? "" : "\"subject\": \"" + subject + "\", ") + "\"body\": \"" + body + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
