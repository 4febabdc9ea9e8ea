package io.rapport.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.AccountId;
import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every hold and flag the gate honours is placed and released through the API with who and why, lands on the
 * timeline and in the audit log, and changes the gate's answer for the account at once.
 */
@RapportIntegrationTest
class HoldsAndFlagsAreSetAndReleasedThroughTheApi {

    static final ZoneId EASTERN = ZoneId.of("America/New_York");
    static final String WORK_PHONE = "+13015550177";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    AccountContactFacts facts;

    TestTenants.TestTenant tenant;
    ApiClient api;
    String account;
    String debt;
    JsonNode placed;

    @BeforeEach
    void placeAnAccountWithAWorkNumber() {
        tenant = tenants.create("Holds API tests");
        api = new ApiClient(port, tenant.apiKey());
        String json = SamplePlacements.json("HA-" + UUID.randomUUID()).replace("\"phones\": [",
                "\"phones\": [{\"number\": \"" + WORK_PHONE + "\", \"type\": \"WORK\", \"source\": \"CONSUMER\"}, ");
        var response = api.post("/api/v1/accounts", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        placed = response.json();
        account = placed.get("id").asString();
        debt = placed.get("debts").get(0).get("id").asString();
    }

    /** Noon in Maryland on the next given day of the week. */
    static Instant noonOn(DayOfWeek day) {
        return LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(day)).atTime(12, 0).atZone(EASTERN).toInstant();
    }

    String place(String body) {
        var response = api.post("/api/v1/accounts/" + account + "/holds", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    void release(String hold, String reason) {
        var response = api.post("/api/v1/accounts/" + account + "/holds/" + hold + "/release", "{\"reason\": \"" + reason + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    JsonNode answer(Instant at, String channel, String address) {
        for (JsonNode item : api.get("/api/v1/accounts/" + account + "/contact-availability?at=" + at).json().get("items")) {
            if (item.get("channel").asString().equals(channel) && (address == null || address.equals(item.get("address").asString()))) {
                return item.get("decision");
            }
        }
        throw new AssertionError("no answer for " + channel + " " + address);
    }

    static List<String> rules(JsonNode decision) {
        List<String> rules = new ArrayList<>();
        decision.get("reasons").forEach(r -> rules.add(r.get("rule").asString()));
        return rules;
    }

    List<String> timeline() {
        List<String> entries = new ArrayList<>();
        api.get("/api/v1/accounts/" + account + "/timeline").json().get("items")
                .forEach(e -> entries.add(e.get("actor").asString() + " " + e.get("kind").asString() + " " + e.get("summary").asString()));
        return entries;
    }

    List<String> audit() {
        List<String> entries = new ArrayList<>();
        api.get("/api/v1/audit-events?entityType=Account").json().get("items")
                .forEach(e -> entries.add(e.get("action").asString() + " " + e.get("after").asString()));
        return entries;
    }

    @Test
    void notOnSundaysBlocksEveryChannelOnSundayUntilMondayAndIsReleasedWithAReason() {
        assertThat(rules(answer(noonOn(DayOfWeek.SUNDAY), "CALL", WORK_PHONE))).isEmpty();
        String hold = place("""
                {"kind": "INCONVENIENT_TIME", "days": ["SUNDAY"], "reason": "The consumer asked: never on Sundays"}""");

        JsonNode sunday = answer(noonOn(DayOfWeek.SUNDAY), "CALL", WORK_PHONE);
        assertThat(rules(sunday)).containsExactly("TIME-03");
        Instant opens = Instant.parse(sunday.get("earliestAllowedAt").asString());
        assertThat(opens.atZone(EASTERN).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(opens.atZone(EASTERN).toLocalTime()).hasToString("08:00");
        assertThat(rules(answer(noonOn(DayOfWeek.SUNDAY), "LETTER", null))).contains("TIME-03");
        assertThat(rules(answer(noonOn(DayOfWeek.MONDAY), "CALL", WORK_PHONE))).isEmpty();
        assertThat(api.get("/api/v1/accounts/" + account).json().get("status").asString()).isEqualTo("ACTIVE");

        release(hold, "The consumer now works on Sundays");
        assertThat(rules(answer(noonOn(DayOfWeek.SUNDAY), "CALL", WORK_PHONE))).isEmpty();
        assertThat(timeline()).anySatisfy(e -> assertThat(e).isEqualTo("api-key:test key HOLD_PLACED "
                + "INCONVENIENT_TIME on SUNDAY placed: The consumer asked: never on Sundays"));
        assertThat(timeline()).anySatisfy(e -> assertThat(e).isEqualTo("api-key:test key HOLD_RELEASED "
                + "INCONVENIENT_TIME released: The consumer now works on Sundays"));
        assertThat(audit()).anySatisfy(e -> assertThat(e).startsWith("hold.placed").contains("INCONVENIENT_TIME"));
        assertThat(audit()).anySatisfy(e -> assertThat(e).startsWith("hold.released").contains("now works on Sundays"));
        JsonNode released = api.get("/api/v1/accounts/" + account).json().get("holds").get(0);
        assertThat(released.get("releasedBy").asString()).isEqualTo("api-key:test key");
        assertThat(released.get("releaseReason").asString()).isEqualTo("The consumer now works on Sundays");
    }

    @Test
    void notBeforeTenInTheMorningIsAWindowOfTheConsumersLocalTime() {
        place("""
                {"kind": "INCONVENIENT_TIME", "from": "00:00", "to": "10:00", "reason": "Works nights, sleeps until ten"}""");
        Instant nineThirty = noonOn(DayOfWeek.TUESDAY).minusSeconds(150 * 60);
        JsonNode early = answer(nineThirty, "CALL", WORK_PHONE);
        assertThat(rules(early)).containsExactly("TIME-03");
        assertThat(Instant.parse(early.get("earliestAllowedAt").asString()).atZone(EASTERN).toLocalTime()).hasToString("10:00");
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "CALL", WORK_PHONE))).isEmpty();
    }

    @Test
    void notAtWorkStopsTheWorkNumberButNotTheMobile() {
        String mobile = "+13015550123";
        String hold = place("""
                {"kind": "INCONVENIENT_PLACE", "place": "WORK", "reason": "Said: never call me at work"}""");
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "CALL", WORK_PHONE))).containsExactly("OPT-02");
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "CALL", mobile))).isEmpty();
        release(hold, "Said work calls are fine again");
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "CALL", WORK_PHONE))).isEmpty();
        assertThat(timeline()).anySatisfy(e -> assertThat(e).contains("INCONVENIENT_PLACE at WORK placed: Said: never call me at work"));
    }

    @Test
    void anEmailAddressFlaggedAsTheEmployersIsNotWrittenTo() {
        String email = "ana@example.com";
        String point = null;
        for (JsonNode cp : placed.get("contactPoints")) {
            if (cp.get("kind").asString().equals("EMAIL")) {
                point = cp.get("id").asString();
            }
        }
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "EMAIL", email))).isEmpty();
        String hold = place("""
                {"kind": "EMPLOYER_EMAIL", "contactPointId": "%s", "reason": "The domain is the consumer's employer"}"""
                .formatted(point));
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "EMAIL", email))).containsExactly("EMAIL-01");
        release(hold, "The consumer owns that domain");
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "EMAIL", email))).isEmpty();
    }

    @Test
    void verificationSentLiftsAWrittenDisputeAndAnOralDisputeStopsNothing() {
        place("""
                {"kind": "DISPUTE", "debtId": "%s", "reason": "Dispute letter received"}""".formatted(debt));
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "CALL", WORK_PHONE))).containsExactly("DISP-01");
        assertThat(api.get("/api/v1/accounts/" + account).json().get("status").asString()).isEqualTo("DISPUTED");

        String verification = place("""
                {"kind": "VERIFICATION_SENT", "debtId": "%s", "reason": "Statement copies mailed"}""".formatted(debt));
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "CALL", WORK_PHONE))).isEmpty();
        var onFile = facts.load(tenant.id(), AccountId.of(account), Instant.now());
        assertThat(onFile.debts().get(0).verificationSentOn()).isNotNull();

        release(verification, "Recorded on the wrong account");
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "CALL", WORK_PHONE))).containsExactly("DISP-01");

        ApiClient other = api;
        String oralOnly = other.post("/api/v1/accounts", SamplePlacements.json("HA-ORAL-" + UUID.randomUUID())).json().get("id").asString();
        assertThat(other.post("/api/v1/accounts/" + oralOnly + "/holds", """
                {"kind": "ORAL_DISPUTE", "reason": "Disputed the fees on the phone"}""").status()).isEqualTo(201);
        assertThat(other.get("/api/v1/accounts/" + oralOnly).json().get("status").asString()).isEqualTo("DISPUTED");
        assertThat(facts.load(tenant.id(), AccountId.of(oralOnly), Instant.now()).debts().get(0).writtenDisputeOn()).isNull();
    }

    @Test
    void aDebtFlaggedTimeBarredIsTimeBarredForTheGateUntilReleased() {
        assertThat(facts.load(tenant.id(), AccountId.of(account), Instant.now()).debts().get(0).timeBarred()).isFalse();
        String hold = place("""
                {"kind": "TIME_BARRED", "debtId": "%s", "reason": "Last payment over six years ago in Maryland"}""".formatted(debt));
        assertThat(facts.load(tenant.id(), AccountId.of(account), Instant.now()).debts().get(0).timeBarred()).isTrue();
        assertThat(api.get("/api/v1/accounts/" + account).json().get("status").asString()).isEqualTo("ACTIVE");
        release(hold, "A payment in 2023 restarted the period");
        assertThat(facts.load(tenant.id(), AccountId.of(account), Instant.now()).debts().get(0).timeBarred()).isFalse();
    }

    @Test
    void aBankruptcyDischargeFitsAndBlocksCollection() {
        String hold = place("""
                {"kind": "BANKRUPTCY_DISCHARGED", "reason": "Discharge order of the court received"}""");
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "CALL", WORK_PHONE))).containsExactly("BK-01");
        release(hold, "Order concerned a namesake");
        assertThat(rules(answer(noonOn(DayOfWeek.TUESDAY), "CALL", WORK_PHONE))).isEmpty();
    }

    @Test
    void eachKindSaysWhatItNeedsAndAReleaseNeedsAReason() {
        assertThat(fields(api.post("/api/v1/accounts/" + account + "/holds",
                "{\"kind\": \"INCONVENIENT_TIME\", \"reason\": \"r\"}").json())).containsExactly("from");
        assertThat(fields(api.post("/api/v1/accounts/" + account + "/holds",
                "{\"kind\": \"INCONVENIENT_TIME\", \"from\": \"20:00\", \"reason\": \"\"}").json())).containsExactly("reason", "to");
        assertThat(fields(api.post("/api/v1/accounts/" + account + "/holds",
                "{\"kind\": \"INCONVENIENT_PLACE\", \"reason\": \"r\"}").json())).containsExactly("place");
        assertThat(fields(api.post("/api/v1/accounts/" + account + "/holds",
                "{\"kind\": \"EMPLOYER_EMAIL\", \"reason\": \"r\"}").json())).containsExactly("contactPointId");
        String phonePoint = placed.get("contactPoints").get(0).get("kind").asString().equals("PHONE")
                ? placed.get("contactPoints").get(0).get("id").asString() : placed.get("contactPoints").get(1).get("id").asString();
        assertThat(fields(api.post("/api/v1/accounts/" + account + "/holds",
                "{\"kind\": \"EMPLOYER_EMAIL\", \"contactPointId\": \"" + phonePoint + "\", \"reason\": \"r\"}").json()))
                .containsExactly("contactPointId");
        assertThat(fields(api.post("/api/v1/accounts/" + account + "/holds",
                "{\"kind\": \"CEASE\", \"from\": \"10:00\", \"reason\": \"r\"}").json())).containsExactly("from");

        String hold = place("{\"kind\": \"CEASE\", \"reason\": \"Cease letter\"}");
        var noReason = api.post("/api/v1/accounts/" + account + "/holds/" + hold + "/release", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fields(noReason.json())).containsExactly("reason");

        var stranger = new ApiClient(port, tenants.create("Another agency").apiKey());
        assertThat(stranger.post("/api/v1/accounts/" + account + "/holds/" + hold + "/release", "{\"reason\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(stranger.post("/api/v1/accounts/" + account + "/holds", "{\"kind\": \"CEASE\", \"reason\": \"x\"}").status())
                .isEqualTo(404);
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
