package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import io.rapport.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RapportIntegrationTest
class AccountsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    TestTenant tenant;
    ApiClient api;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create("Accounts API tests");
        api = new ApiClient(port, tenant.apiKey());
    }

    @Test
    void placingTheContractExampleAnswersCreatedWithTheItemizedBalance() {
        var response = api.post("/api/v1/accounts", SamplePlacements.json("CRM-1001"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode account = response.json();
        assertThat(account.get("id").asString()).isNotBlank();
        assertThat(account.get("balance").get("amount").asLong()).isEqualTo(228456);
        assertThat(account.get("balance").get("currency").asString()).isEqualTo("USD");
        assertThat(account.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(account.get("debts").get(0).get("currentBalance").get("amount").asLong()).isEqualTo(228456);
        assertThat(account.get("debts").get(0).get("accountNumberLast4").asString()).isEqualTo("6789");
        assertThat(account.get("consumer").get("lastName").asString()).isEqualTo("Diaz");
        assertThat(account.get("contactPoints")).hasSize(2);
        assertThat(account.get("consents").get(0).get("address").asString()).isEqualTo("+13015550123");
        assertThat(account.get("consents").get(0).get("source").asString()).isEqualTo("creditor-application");
    }

    @Test
    void anAccountIsFetchedWithItsDebtsContactPointsConsentsAndTimeline() {
        String id = api.post("/api/v1/accounts", SamplePlacements.json("CRM-2001")).json().get("id").asString();

        JsonNode account = api.get("/api/v1/accounts/" + id).json();
        assertThat(account.get("externalRef").asString()).isEqualTo("CRM-2001");
        assertThat(account.get("creditor").get("name").asString()).isEqualTo("Bank of Rockville");
        assertThat(account.get("holds")).isEmpty();

        JsonNode timeline = api.get("/api/v1/accounts/" + id + "/timeline").json();
        assertThat(timeline.get("items").get(0).get("kind").asString()).isEqualTo("ACCOUNT_PLACED");
        assertThat(timeline.get("items").get(0).get("actor").asString()).isEqualTo("api-key:test key");
    }

    @Test
    void placingTheSameAccountAgainChangesNothing() {
        String first = api.post("/api/v1/accounts", SamplePlacements.json("CRM-3001")).json().get("id").asString();
        var again = api.post("/api/v1/accounts", SamplePlacements.json("CRM-3001"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first);
        assertThat(again.json().get("debts")).hasSize(1);
        assertThat(api.get("/api/v1/accounts?q=CRM-3001").json().get("items")).hasSize(1);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        var first = api.post("/api/v1/accounts", SamplePlacements.json("CRM-4001"), "key-4001");
        var retry = api.post("/api/v1/accounts", SamplePlacements.json("CRM-4001"), "key-4001");
        var otherBody = api.post("/api/v1/accounts", SamplePlacements.json("CRM-4002"), "key-4001");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/accounts?q=CRM-4002").json().get("items")).isEmpty();
    }

    @Test
    void accountsAreFoundByPhoneInAnyFormatByEmailAndByName() {
        api.post("/api/v1/accounts", SamplePlacements.json("CRM-5001", "Rosa", "Núñez", "+13015550177", "rosa.n@example.com"));

        assertThat(api.get("/api/v1/accounts?q=(301)%20555-0177").json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/accounts?q=ROSA.N@example.com").json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/accounts?q=nunez").json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/accounts?q=Rosa%20Nunez").json().get("items").get(0).get("consumerName").asString())
                .isEqualTo("Rosa Núñez");
        assertThat(api.get("/api/v1/accounts?q=(301)%20555-0178").json().get("items")).isEmpty();
    }

    @Test
    void listsArePagedWithACursor() {
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/accounts", SamplePlacements.json("PAGE-" + i));
        }
        JsonNode page1 = api.get("/api/v1/accounts?limit=2").json();
        JsonNode page2 = api.get("/api/v1/accounts?limit=2&cursor=" + page1.get("nextCursor").asString()).json();
        JsonNode page3 = api.get("/api/v1/accounts?limit=2&cursor=" + page2.get("nextCursor").asString()).json();

        assertThat(page1.get("items")).hasSize(2);
        assertThat(page2.get("items")).hasSize(2);
        assertThat(page3.get("items")).hasSize(1);
        assertThat(page3.get("nextCursor")).isNull();
        assertThat(page1.get("items").get(0).get("externalRef").asString()).isEqualTo("PAGE-4");
        assertThat(page3.get("items").get(0).get("externalRef").asString()).isEqualTo("PAGE-0");
    }

    @Test
    void badInputIsRejectedNamingEachFieldAndWritesNothing() {
        String body = SamplePlacements.json("BAD-1").replace("\"MD\"", "\"ZZ\"").replace("+13015550123", "12")
                .replace("\"amount\": 2500,", "\"amount\": -2500,");
        var response = api.post("/api/v1/accounts", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(
                "consumer.address.state", "consumer.phones[0].number", "debts[0].feesSince");
        assertThat(api.get("/api/v1/accounts?q=BAD-1").json().get("items")).isEmpty();
    }

    @Test
    void anItemizationThatDoesNotAddUpIsRejected() {
        String body = SamplePlacements.json("SUM-1").replace("\"timeBarred\": false",
                "\"timeBarred\": false, \"currentBalance\": {\"amount\": 999, \"currency\": \"USD\"}");
        var response = api.post("/api/v1/accounts", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("debts[0].currentBalance");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("2284.56 USD");
    }

    @Test
    void aHoldChangesTheStatusAndIsRecorded() {
        String id = api.post("/api/v1/accounts", SamplePlacements.json("HOLD-1")).json().get("id").asString();

        var placed = api.post("/api/v1/accounts/" + id + "/holds", "{\"kind\":\"CEASE\",\"reason\":\"Cease letter received\"}");
        assertThat(placed.status()).isEqualTo(201);
        JsonNode account = api.get("/api/v1/accounts/" + id).json();
        assertThat(account.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(account.get("holds").get(0).get("kind").asString()).isEqualTo("CEASE");

        String holdId = placed.json().get("id").asString();
        assertThat(api.post("/api/v1/accounts/" + id + "/holds/" + holdId + "/release", "{\"reason\":\"sent in error\"}").status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/accounts/" + id).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/accounts/" + id + "/timeline").json().get("items").findValuesAsString("kind"))
                .containsExactly("HOLD_RELEASED", "HOLD_PLACED", "ACCOUNT_PLACED");
    }

    @Test
    void aConsentIsRecordedWithItsEvidenceAndRevokedWithoutLosingIt() {
        String id = api.post("/api/v1/accounts", SamplePlacements.json("CONSENT-1")).json().get("id").asString();

        var given = api.post("/api/v1/accounts/" + id + "/consents", """
                {"channel": "EMAIL", "address": "ANA@example.com", "granted": true, "source": "portal",
                 "at": "2025-06-01T12:00:00Z", "textShown": "Email me about my account."}""");
        assertThat(given.status()).isEqualTo(201);
        String consentId = given.json().get("id").asString();
        assertThat(api.post("/api/v1/accounts/" + id + "/consents/" + consentId + "/revoke", "{\"source\": \"phone call\"}")
                .status()).isEqualTo(204);

        JsonNode consent = null;
        for (JsonNode c : api.get("/api/v1/accounts/" + id).json().get("consents")) {
            if (c.get("id").asString().equals(consentId)) {
                consent = c;
            }
        }
        assertThat(consent).isNotNull();
        assertThat(consent.get("textShown").asString()).isEqualTo("Email me about my account.");
        assertThat(consent.get("revokedSource").asString()).isEqualTo("phone call");
        assertThat(consent.get("inForce").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/accounts/" + id + "/timeline").json().get("items").findValuesAsString("kind"))
                .contains("CONSENT_GIVEN", "CONSENT_REVOKED");
    }

    @Test
    void aConsentForAnAddressTheConsumerDoesNotHaveIsRejected() {
        String id = api.post("/api/v1/accounts", SamplePlacements.json("CONSENT-2")).json().get("id").asString();

        var response = api.post("/api/v1/accounts/" + id + "/consents",
                "{\"channel\": \"SMS\", \"address\": \"(301) 555-0999\", \"source\": \"portal\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("address");
    }

    @Test
    void creditorBrandingIsReadAndChangedWithValidation() {
        api.post("/api/v1/accounts", SamplePlacements.json("BRAND-1"));
        JsonNode creditor = api.get("/api/v1/creditors").json().get("items").get(0);
        String id = creditor.get("id").asString();

        var bad = api.put("/api/v1/creditors/" + id + "/branding", "{\"primaryColor\": \"blue\"}");
        var good = api.put("/api/v1/creditors/" + id + "/branding", """
                {"primaryColor": "#0b3d91", "accentColor": "#f2a900", "senderName": "Rockville Recoveries",
                 "emailDomain": "rockville.example.com", "supportPhone": "+18005550123", "supportHours": "Mon-Fri 8-8 ET",
                 "licenceNumbers": "NY DCA 1234567", "disputeAddress": "PO Box 1, Rockville, MD 20849"}""");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("primaryColor");
        assertThat(good.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/creditors").json().get("items").get(0).get("branding").get("senderName").asString())
                .isEqualTo("Rockville Recoveries");
    }

    @Test
    void theAuditLogRecordsWhoChangedWhatWithBeforeAndAfter() {
        String id = api.post("/api/v1/accounts", SamplePlacements.json("AUDIT-1")).json().get("id").asString();
        api.post("/api/v1/accounts/" + id + "/holds", "{\"kind\":\"ATTORNEY\",\"reason\":\"Represented by counsel\"}");

        JsonNode entries = api.get("/api/v1/audit-events?entityType=Account").json().get("items");

        assertThat(entries.get(0).get("action").asString()).isEqualTo("hold.placed");
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("api-key:test key");
        assertThat(entries.get(0).get("before").asString()).contains("ACTIVE");
        assertThat(entries.get(0).get("after").asString()).contains("ON_HOLD").contains("Represented by counsel");
        assertThat(entries.get(1).get("action").asString()).isEqualTo("account.placed");
        assertThat(entries.get(1).get("after").asString()).contains("AUDIT-1");
    }

    @Test
    void withoutAValidKeyTheApiAnswersUnauthorized() {
        assertThat(new ApiClient(port, null).get("/api/v1/accounts").status()).isEqualTo(401);
        assertThat(new ApiClient(port, "rk_abcdefgh_" + "x".repeat(30)).get("/api/v1/accounts").status()).isEqualTo(401);
    }
}
