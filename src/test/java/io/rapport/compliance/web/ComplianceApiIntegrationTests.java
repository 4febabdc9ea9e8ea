package io.rapport.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.TestTenants;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every worked example of the compliance contract, through the REST API, with the catalogue's rule ids. */
@RapportIntegrationTest
class ComplianceApiIntegrationTests {

    static final String NY_MOBILE = "+12125550100";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, tenants.create("Compliance API tests").apiKey());
    }

    @Test
    void anEighthCallInSevenDaysIsBlockedAndTheNextWeekItIsAllowed() {
        String sevenUnanswered = calls("2025-03-03", 7, "NO_ANSWER");

        JsonNode sunday = evaluate(call("2025-03-09T15:00:00Z", NY_MOBILE, consumer("NY", "10001", NY_MOBILE), sevenUnanswered));
        JsonNode monday = evaluate(call("2025-03-10T15:00:00Z", NY_MOBILE, consumer("NY", "10001", NY_MOBILE), sevenUnanswered));

        assertBlockedBy(sunday, "FREQ-01");
        assertThat(monday.get("decision").asString()).isEqualTo("ALLOW");
    }

    @Test
    void aConversationBlocksCallsForSevenDaysCountingItsOwnDay() {
        String conversation = "[{\"at\": \"2025-03-05T15:00:00Z\", \"channel\": \"CALL\", \"direction\": \"OUTBOUND\", "
                + "\"to\": \"" + NY_MOBILE + "\", \"debtIds\": [\"D1\"], \"outcome\": \"CONVERSATION\"}]";

        assertBlockedBy(evaluate(call("2025-03-11T15:00:00Z", NY_MOBILE, consumer("NY", "10001", NY_MOBILE), conversation)),
                "FREQ-02");
        assertThat(evaluate(call("2025-03-12T15:00:00Z", NY_MOBILE, consumer("NY", "10001", NY_MOBILE), conversation))
                .get("decision").asString()).isEqualTo("ALLOW");
    }

    @Test
    void aPacificMobileOfANewYorkConsumerWaitsForEightInLosAngeles() {
        String la = "+12135550100";

        JsonNode early = evaluate(call("2025-07-15T14:30:00Z", la, consumer("NY", "10001", la), "[]"));
        JsonNode later = evaluate(call("2025-07-15T15:05:00Z", la, consumer("NY", "10001", la), "[]"));

        assertBlockedBy(early, "TIME-02");
        assertThat(early.get("earliestAllowedAt").asString()).isEqualTo("2025-07-15T15:00:00Z");
        assertThat(early.get("reasons").findValuesAsString("message")).anyMatch(m -> m.contains("America/Los_Angeles"));
        assertThat(later.get("decision").asString()).isEqualTo("ALLOW");
    }

    @Test
    void inBostonHalfPastEightIsTooEarlyOnTheSaturdayAndFineAfterTheClocksGoForward() {
        String boston = "+16175550100";

        assertBlockedBy(evaluate(call("2025-03-08T12:30:00Z", boston, consumer("MA", "02115", boston), "[]")), "TIME-01");
        assertThat(evaluate(call("2025-03-09T12:30:00Z", boston, consumer("MA", "02115", boston), "[]"))
                .get("decision").asString()).isEqualTo("ALLOW");
    }

    @Test
    void anEmployersEmailAddressTheConsumerNeverUsedIsBlocked() {
        String body = """
                {"at": "2025-07-15T15:00:00Z", "channel": "EMAIL", "to": "j.doe@employer.example", "purpose": "COLLECTION",
                 "debtIds": ["D1"],
                 "content": "This communication is from a debt collector. To stop emails, click unsubscribe.",
                 "consumer": {"state": "NY", "postalCode": "10001",
                   "emails": [{"address": "j.doe@employer.example", "employerIssued": true, "consumerUsed": false}]},
                 "debts": [{"id": "D1", "timeBarred": false}], "history": []}""";

        assertBlockedBy(evaluate(body), "EMAIL-01");
    }

    @Test
    void afterACeaseLetterOnlyTheNoticeThatEffortsEndMayBeSent() {
        String collectionEmail = """
                {"at": "2025-05-07T15:00:00Z", "channel": "EMAIL", "to": "j.doe@example.com", "purpose": "COLLECTION",
                 "debtIds": ["D1"],
                 "content": "This communication is from a debt collector. To stop emails, click unsubscribe.",
                 "consumer": {"state": "NY", "postalCode": "10001", "ceaseReceivedOn": "2025-05-06",
                   "emails": [{"address": "j.doe@example.com", "employerIssued": false, "consumerUsed": true}]},
                 "debts": [{"id": "D1"}], "history": []}""";
        String ceaseNoticeLetter = """
                {"at": "2025-05-07T15:00:00Z", "channel": "LETTER", "purpose": "CEASE_NOTICE", "debtIds": ["D1"],
                 "consumer": {"state": "NY", "postalCode": "10001", "ceaseReceivedOn": "2025-05-06"},
                 "debts": [{"id": "D1", "timeBarred": false}], "history": []}""";

        assertBlockedBy(evaluate(collectionEmail), "CEASE-01");
        JsonNode letter = evaluate(ceaseNoticeLetter);
        assertThat(letter.get("decision").asString()).as(letter.toString()).isEqualTo("ALLOW");
    }

    @Test
    void aDebtWhoseTimeBarIsUnknownIsTreatedAsTimeBarredAndTheReasonSaysSo() {
        String letterWithoutContent = """
                {"at": "2025-05-07T15:00:00Z", "channel": "LETTER", "purpose": "COLLECTION", "debtIds": ["D1"],
                 "consumer": {"state": "NY", "postalCode": "10001"}, "debts": [{"id": "D1"}]}""";

        JsonNode decision = evaluate(letterWithoutContent);

        assertBlockedBy(decision, "TBD-01");
        assertThat(decision.get("reasons").findValuesAsString("message")).anyMatch(m -> m.contains("possibly time-barred"));
    }

    @Test
    void theValidationPeriodSkipsWeekendsAndObservedHolidays() {
        JsonNode july = api.get("/api/v1/compliance/validation-period?sentOn=2026-07-02").json();
        JsonNode thanksgiving = api.get("/api/v1/compliance/validation-period?sentOn=2025-11-26").json();

        assertThat(july.get("sentOn").asString()).isEqualTo("2026-07-02");
        assertThat(july.get("assumedReceiptOn").asString()).isEqualTo("2026-07-10");
        assertThat(july.get("endsOn").asString()).isEqualTo("2026-08-09");
        assertThat(thanksgiving.get("assumedReceiptOn").asString()).isEqualTo("2025-12-04");
        assertThat(thanksgiving.get("endsOn").asString()).isEqualTo("2026-01-03");
    }

    @Test
    void malformedInputIsA400NamingEachField() {
        var badEnums = api.post("/api/v1/compliance/evaluate", "{\"at\": \"2025-07-15T15:00:00Z\", \"channel\": \"PIGEON\"}");
        var badTime = api.post("/api/v1/compliance/evaluate", "{\"at\": \"yesterday\", \"channel\": \"CALL\"}");
        var badPhone = api.post("/api/v1/compliance/evaluate", """
                {"at": "2025-07-15T15:00:00Z", "channel": "CALL", "to": "12", "purpose": "COLLECTION",
                 "consumer": {"phones": [{"number": "not a phone", "type": "MOBILE"}], "timeZones": ["Mars/Olympus"]}}""");
        var missing = api.post("/api/v1/compliance/evaluate", "{}");
        var badDate = api.get("/api/v1/compliance/validation-period?sentOn=2026-02-30");

        assertThat(badEnums.status()).isEqualTo(400);
        assertThat(badEnums.json().get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.json().get("errors").get(0).get("field").asString()).isEqualTo("at");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("to", "consumer.phones[0].number", "consumer.timeZones[0]");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("at", "channel", "purpose");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("sentOn");
    }

    @Test
    void theGateNeedsAnApiKeyLikeTheRestOfTheApi() {
        assertThat(new ApiClient(port, null).post("/api/v1/compliance/evaluate", "{}").status()).isEqualTo(401);
    }

    private JsonNode evaluate(String body) {
        var response = api.post("/api/v1/compliance/evaluate", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertBlockedBy(JsonNode decision, String rule) {
        assertThat(decision.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(decision.get("reasons").findValuesAsString("rule")).contains(rule);
    }

    private static String consumer(String state, String zip, String mobile) {
        return "{\"state\": \"" + state + "\", \"postalCode\": \"" + zip + "\", \"phones\": [{\"number\": \"" + mobile
                + "\", \"type\": \"MOBILE\", \"source\": \"CREDITOR\"}]}";
    }

    private static String call(String at, String to, String consumer, String history) {
        return "{\"at\": \"" + at + "\", \"channel\": \"CALL\", \"to\": \"" + to + "\", \"purpose\": \"COLLECTION\", "
                + "\"debtIds\": [\"D1\"], \"consumer\": " + consumer + ", \"debts\": [{\"id\": \"D1\"}], \"history\": "
                + history + "}";
    }

    /** Unanswered (or other) outbound calls about D1, an hour apart from 14:00Z on one day. */
    private static String calls(String day, int count, String outcome) {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add("{\"at\": \"" + day + "T" + (14 + i) + ":00:00Z\", \"channel\": \"CALL\", \"direction\": \"OUTBOUND\", "
                    + "\"to\": \"" + NY_MOBILE + "\", \"debtIds\": [\"D1\"], \"outcome\": \"" + outcome + "\"}");
        }
        return "[" + String.join(", ", calls) + "]";
    }
}
