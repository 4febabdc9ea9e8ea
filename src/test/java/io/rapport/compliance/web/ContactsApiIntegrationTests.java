package io.rapport.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The gate asked about a real account: its holds, consents and contact ledger decide. */
@RapportIntegrationTest
class ContactsApiIntegrationTests {

    static final String MOBILE = "+13015550123";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    ApiClient api;
    String account;

    @BeforeEach
    void anAccountInMaryland() {
        api = new ApiClient(port, tenants.create("Contacts API tests").apiKey());
        account = api.post("/api/v1/accounts", SamplePlacements.json("GATE-1")).json().get("id").asString();
    }

    @Test
    void aCallAtElevenInTheMorningIsAllowedAndAtTenAtNightItWaitsForEight() {
        JsonNode morning = answer("2025-07-15T15:00:00Z", "CALL");
        JsonNode night = answer("2025-07-16T02:00:00Z", "CALL");

        assertThat(morning.get("decision").get("decision").asString()).isEqualTo("ALLOW");
        assertThat(night.get("decision").get("decision").asString()).isEqualTo("BLOCK");
        assertThat(night.get("decision").get("reasons").findValuesAsString("rule")).containsAnyOf("TIME-01", "TIME-02");
        assertThat(night.get("decision").get("earliestAllowedAt").asString()).isEqualTo("2025-07-16T12:00:00Z");
    }

    @Test
    void aTextNeedsTheConsentOnFileAndStopsWhenItIsRevoked() {
        JsonNode before = answer("2027-07-15T15:00:00Z", "SMS");
        assertThat(before.get("decision").get("decision").asString()).as(before.toString()).isEqualTo("ALLOW");

        String consent = api.get("/api/v1/accounts/" + account).json().get("consents").get(0).get("id").asString();
        api.post("/api/v1/accounts/" + account + "/consents/" + consent + "/revoke", "{\"source\": \"phone call\"}");

        JsonNode afterRevocation = answer("2027-07-15T15:00:00Z", "SMS");
        assertThat(afterRevocation.get("decision").get("decision").asString()).isEqualTo("BLOCK");
        assertThat(afterRevocation.get("decision").get("reasons").findValuesAsString("rule")).containsAnyOf("OPT-02", "TCPA-01", "TCPA-02");
    }

    @Test
    void aCeaseHoldStopsCollectionOnEveryChannelUntilItIsReleased() {
        api.post("/api/v1/accounts/" + account + "/holds", "{\"kind\": \"CEASE\", \"reason\": \"Cease letter received\"}");

        for (JsonNode answer : api.get("/api/v1/accounts/" + account + "/contact-availability?at=2027-07-15T15:00:00Z").json()
                .get("items")) {
            if (answer.get("channel").asString().equals("CALL")) {
                assertThat(answer.get("decision").get("reasons").findValuesAsString("rule")).contains("CEASE-01");
                assertThat(answer.get("decision").has("earliestAllowedAt")).isFalse();
            }
        }
    }

    @Test
    void theLedgerCountsRecordedCallsSoTheEighthInAWeekIsBlocked() {
        for (int hour = 13; hour < 20; hour++) {
            var recorded = api.post("/api/v1/accounts/" + account + "/contact-attempts", "{\"at\": \"2025-03-03T" + hour
                    + ":00:00Z\", \"channel\": \"CALL\", \"direction\": \"OUTBOUND\", \"to\": \"" + MOBILE
                    + "\", \"outcome\": \"NO_ANSWER\"}");
            assertThat(recorded.status()).isEqualTo(201);
            assertThat(recorded.json().get("decision").get("decision").asString()).isEqualTo("ALLOW");
        }

        JsonNode nextDay = answer("2025-03-04T15:00:00Z", "CALL");
        JsonNode nextWeek = answer("2025-03-10T15:00:00Z", "CALL");

        assertThat(nextDay.get("decision").get("reasons").findValuesAsString("rule")).contains("FREQ-01");
        assertThat(nextWeek.get("decision").get("decision").asString()).isEqualTo("ALLOW");
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").json().get("items").findValuesAsString("kind"))
                .contains("CONTACT_OUTBOUND");
    }

    @Test
    void aContactAttemptWithoutItsFactsIsRejectedNamingThem() {
        var response = api.post("/api/v1/accounts/" + account + "/contact-attempts", "{\"at\": \"2999-01-01T00:00:00Z\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("channel", "direction", "outcome", "at");
    }

    @Test
    void anotherTenantCannotAskAboutOrWriteToThisAccount() {
        ApiClient other = new ApiClient(port, tenants.create("Other agency").apiKey());

        assertThat(other.get("/api/v1/accounts/" + account + "/contact-availability").status()).isEqualTo(404);
        assertThat(other.post("/api/v1/accounts/" + account + "/contact-attempts",
                "{\"channel\": \"CALL\", \"direction\": \"OUTBOUND\", \"outcome\": \"NO_ANSWER\"}").status()).isEqualTo(404);
    }

    private JsonNode answer(String at, String channel) {
        var response = api.get("/api/v1/accounts/" + account + "/contact-availability?at=" + at);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode answer : response.json().get("items")) {
            if (answer.get("channel").asString().equals(channel)
                    && (answer.get("address").isNull() || !channel.equals("CALL") || answer.get("address").asString().equals(MOBILE))) {
                return answer;
            }
        }
        throw new AssertionError("no " + channel + " answer in " + response.body());
    }
}
