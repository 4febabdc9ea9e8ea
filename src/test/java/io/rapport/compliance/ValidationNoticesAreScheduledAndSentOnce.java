package io.rapport.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.rapport.messaging.PrintBatches;
import io.rapport.support.ApiClient;
import io.rapport.support.Eventually;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * VN-01 in practice: the first communication about a debt schedules its validation notice, and the job sends it
 * once, through the contact gate, by email with E-SIGN consent and otherwise as a letter in the print batch.
 */
@RapportIntegrationTest
class ValidationNoticesAreScheduledAndSentOnce {

    /** Tuesday 2026-03-17, 11:00 in Maryland: a convenient hour for every channel. */
    static final Instant NOW = Instant.parse("2026-03-17T15:00:00Z");
    static final Instant FIRST_EMAIL_AT = Instant.parse("2026-03-16T15:00:00Z");

    @TestConfiguration
    static class ElevenInTheMorningInMaryland {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ValidationNoticeDelivery delivery;

    @Autowired
    PrintBatches batches;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcClient jdbc;

    TestTenants.TestTenant tenant;
    ApiClient api;
    String account;
    String debt;
    String email;

    @BeforeEach
    void placeAnAccountOfACreditorWithADisputeAddress() {
        tenant = tenants.create("Rockville Recovery Services");
        api = new ApiClient(port, tenant.apiKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        email = "ana." + suffix + "@example.com";
        JsonNode placed = api.post("/api/v1/accounts", SamplePlacements.json("VNS-" + suffix, "Ana", "Diaz", "+13015550123",
                email).replace("\"language\": \"es\"", "\"language\": \"en\"")).json();
        account = placed.get("id").asString();
        debt = placed.get("debts").get(0).get("id").asString();
        String creditor = placed.get("creditor").get("id").asString();
        assertThat(api.put("/api/v1/creditors/" + creditor + "/branding", """
                {"senderName": "Bank of Rockville", "supportPhone": "(301) 555-0100",
                 "disputeAddress": "Rockville Recovery Services\\nPO Box 1234\\nRockville, MD 20849"}""").status())
                .isEqualTo(200);
    }

    void recordContact(String channel, String to, String outcome) {
        var recorded = api.post("/api/v1/accounts/" + account + "/contact-attempts", """
                {"at": "%s", "channel": "%s", "direction": "OUTBOUND", "to": "%s", "outcome": "%s"}"""
                .formatted(FIRST_EMAIL_AT, channel, to, outcome));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    JsonNode notice() {
        JsonNode items = api.get("/api/v1/accounts/" + account + "/validation-notices").json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    List<String> timelineKinds() {
        List<String> kinds = new ArrayList<>();
        api.get("/api/v1/accounts/" + account + "/timeline").json().get("items").forEach(e -> kinds.add(e.get("kind").asString()));
        return kinds;
    }

    @Test
    void theFirstEmailSchedulesTheNoticeDueWithinFiveDaysAndALaterOneChangesNothing() {
        assertThat(api.get("/api/v1/accounts/" + account + "/validation-notices").json().get("items")).isEmpty();

        recordContact("EMAIL", email, "SENT");

        JsonNode notice = notice();
        assertThat(notice.get("debtId").asString()).isEqualTo(debt);
        assertThat(notice.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(notice.get("firstCommunicationOn").asString()).isEqualTo("2026-03-16");
        assertThat(notice.get("dueOn").asString()).isEqualTo("2026-03-21");
        assertThat(timelineKinds()).contains("VALIDATION_NOTICE_SCHEDULED");

        recordContact("CALL", "+13015550123", "CONVERSATION");
        assertThat(notice().get("dueOn").asString()).isEqualTo("2026-03-21");
    }

    @Test
    void anUnansweredCallIsNoCommunicationAndSchedulesNothing() {
        recordContact("CALL", "+13015550123", "NO_ANSWER");

        assertThat(api.get("/api/v1/accounts/" + account + "/validation-notices").json().get("items")).isEmpty();
    }

    @Test
    void withoutESignConsentTheJobSendsItOnceAsALetterInThePrintBatch() throws IOException {
        recordContact("EMAIL", email, "SENT");

        delivery.sendDue(NOW);

        JsonNode notice = notice();
        assertThat(notice.get("status").asString()).isEqualTo("SENT");
        assertThat(notice.get("channel").asString()).isEqualTo("LETTER");
        assertThat(notice.get("sentOn").asString()).isEqualTo("2026-03-17");
        LocalDate endsOn = ValidationPeriod.forNoticeSentOn(LocalDate.parse("2026-03-17")).endsOn();
        assertThat(notice.get("validationPeriodEndsOn").asString()).isEqualTo(endsOn.toString());
        assertThat(endsOn).isEqualTo("2026-04-23");

        var batch = batches.make(tenant.id()).orElseThrow();
        assertThat(batch.letters()).isEqualTo(1);
        String text = text(batches.pdf(tenant.id(), batch.id())).replaceAll("\\s+", " ");
        assertThat(text).contains("Rockville Recovery Services is a debt collector", "PO Box 1234", "Ana Diaz",
                "2323 Park Street", "Bethesda, MD 20815", "account number 123-456-789", "As of January 2, 2025, you owed:",
                "$2,234.56", "+ $75.00", "+ $25.00", "– $50.00", "Total amount of the debt now: $2,284.56",
                "Call or write to us by April 23, 2026, to dispute all or part of the debt", "www.cfpb.gov/debt-collection");
        assertThat(timelineKinds()).contains("VALIDATION_NOTICE_SENT");

        delivery.sendDue(NOW.plusSeconds(3600));
        delivery.sendDue(NOW.plusSeconds(86_400 * 2));

        assertThat(batches.make(tenant.id())).isEmpty();
        assertThat(notice().get("messageId").asString()).isEqualTo(notice.get("messageId").asString());
        assertThat(timelineKinds().stream().filter("VALIDATION_NOTICE_SENT"::equals)).hasSize(1);
        var again = api.post("/api/v1/accounts/" + account + "/debts/" + debt + "/validation-notice", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already sent on 2026-03-17");
    }

    @Test
    void withESignConsentTheJobSendsItByEmailAsHtml() throws Exception {
        var consent = api.post("/api/v1/accounts/" + account + "/consents", """
                {"channel": "ESIGN", "granted": true, "source": "portal", "at": "2026-03-01T10:00:00Z",
                 "textShown": "I agree to receive notices about my account electronically."}""");
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        recordContact("CALL", "+13015550123", "CONVERSATION");

        delivery.sendDue(NOW);

        JsonNode notice = notice();
        assertThat(notice.get("status").asString()).as(notice.toString()).isEqualTo("SENT");
        assertThat(notice.get("channel").asString()).isEqualTo("EMAIL");
        // The mail server gets it once the sending transaction has committed.
        Eventually.holds(() -> assertThat(receivedByTheConsumer()).hasSize(1));
        MimeMessage received = receivedByTheConsumer().get(0);
        assertThat(received.getSubject()).contains("Rockville Recovery Services");
        String[] parts = new String[2];
        walk(received, parts);
        assertThat(parts[1]).contains("<html", "is a debt collector", "123-456-789", "$2,284.56", "April 23, 2026",
                "www.cfpb.gov/debt-collection", "unsubscribe");
        assertThat(parts[0]).contains("is a debt collector", "To stop receiving these emails, unsubscribe here:");
        assertThat(batches.make(tenant.id())).isEmpty();
        delivery.sendDue(NOW.plusSeconds(600));
        assertThat(receivedByTheConsumer()).hasSize(1);
    }

    @Test
    void aNoticeWhoseItemizationDoesNotAddUpIsRefusedWithTheReasonAndNothingIsSent() {
        recordContact("EMAIL", email, "SENT");
        // An itemization changed by hand after placement, so that it no longer adds up.
        jdbc.sql("update debt set current_balance = current_balance + 100 where id = ? and tenant_id = ?")
                .params(UUID.fromString(debt), tenant.id().value()).update();

        delivery.sendDue(NOW);

        JsonNode notice = notice();
        assertThat(notice.get("status").asString()).isEqualTo("REFUSED");
        assertThat(notice.get("problem").asString()).contains("does not add up");
        assertThat(batches.make(tenant.id())).isEmpty();
        assertThat(timelineKinds()).contains("VALIDATION_NOTICE_REFUSED");
        var now = api.post("/api/v1/accounts/" + account + "/debts/" + debt + "/validation-notice", "{\"channel\": \"LETTER\"}");
        assertThat(now.status()).isEqualTo(409);
        assertThat(now.body()).contains("does not add up");
    }

    @Test
    void theApiSendsTheNoticeNowAsALetterButNotByEmailWithoutESignConsent() {
        var byEmail = api.post("/api/v1/accounts/" + account + "/debts/" + debt + "/validation-notice", "{\"channel\": \"EMAIL\"}");
        assertThat(byEmail.status()).isEqualTo(409);
        assertThat(byEmail.body()).contains("ESIGN-01");

        var sent = api.post("/api/v1/accounts/" + account + "/debts/" + debt + "/validation-notice", "{\"channel\": \"LETTER\"}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("decision").get("decision").asString()).isEqualTo("ALLOW");
        assertThat(sent.json().get("notice").get("sentOn").asString()).isEqualTo("2026-03-17");
        assertThat(batches.make(tenant.id()).orElseThrow().letters()).isEqualTo(1);
        // The notice was the first communication: it counts as one, and schedules nothing more.
        assertThat(notice().get("status").asString()).isEqualTo("SENT");
        assertThat(api.post("/api/v1/accounts/" + account + "/debts/" + debt + "/validation-notice", "{}").status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/accounts/" + account + "/debts/" + UUID.randomUUID() + "/validation-notice", "{}")
                .status()).isEqualTo(404);
    }

    List<MimeMessage> receivedByTheConsumer() {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static void walk(jakarta.mail.Part part, String[] parts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), parts);
            }
        } else if (part.isMimeType("text/plain")) {
            parts[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
            parts[1] = (String) part.getContent();
        }
    }
}
