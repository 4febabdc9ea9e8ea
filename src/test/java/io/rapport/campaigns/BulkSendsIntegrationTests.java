package io.rapport.campaigns;

import static io.rapport.campaigns.BulkSendFixtures.awaitStatus;
import static io.rapport.campaigns.BulkSendFixtures.csv;
import static io.rapport.campaigns.BulkSendFixtures.mailTo;
import static io.rapport.campaigns.BulkSendFixtures.mailsTo;
import static io.rapport.campaigns.BulkSendFixtures.messagesTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.rapport.accounts.Accounts;
import io.rapport.campaigns.BulkSendFixtures.Consumer;
import io.rapport.messaging.MessageTemplates;
import io.rapport.support.ApiClient;
import io.rapport.support.Eventually;
import io.rapport.support.ElevenInTheMorningInMaryland;
import io.rapport.support.PlacementFiles;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.TestTenants;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bulk sends through the API: a spreadsheet of account references becomes a payment request per good row, each sent
 * through the gate and counted under the bulk send, with the bad rows reported by row, column and reason. The clock
 * stands at 11:00 in Maryland on a weekday, when the gate allows emails and texts.
 */
@RapportIntegrationTest
@Import(ElevenInTheMorningInMaryland.class)
class BulkSendsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    GreenMail mailServer;

    @Autowired
    MessageTemplates templates;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestTenants.TestTenant tenant;
    Consumer ana;
    Consumer ben;
    Consumer carla;
    Consumer dan;

    @BeforeEach
    void fourConsumersAndInvoiceTemplates() {
        tenant = tenants.create("Bulk send tests");
        api = new ApiClient(port, tenant.apiKey());
        ana = BulkSendFixtures.place(api, "Ana");
        ben = BulkSendFixtures.place(api, "Ben");
        carla = BulkSendFixtures.place(api, "Carla");
        dan = BulkSendFixtures.place(api, "Dan");
        BulkSendFixtures.invoiceTemplates(templates, accounts, tenant.id(), ana.account());
    }

    @Test
    void goodRowsBecomeSentPaymentRequestsAndEachBadRowIsReportedWithItsColumnAndReason() throws Exception {
        String file = csv(List.of(
                List.of("account_ref", "amount", "channel", "invoice_number"),
                List.of(ana.ref(), "100.00", "EMAIL", "INV-1001"),
                List.of(ben.ref(), "", "SMS", "INV-1002"),
                List.of("NO-SUCH-REF", "", "", "INV-1003"),
                List.of(carla.ref(), "12.3.4", "", "INV-1004"),
                List.of(dan.ref(), "9999.00", "", "INV-1005"),
                List.of(carla.ref(), "", "EMAIL", ""),
                List.of(dan.ref(), "", "FAX", "INV-1007")));

        JsonNode status = upload("invoices.csv", file.getBytes(StandardCharsets.UTF_8), "spring-invoices");

        assertThat(status.get("status").asString()).isEqualTo("DONE");
        assertThat(status.get("total").asLong()).isEqualTo(7);
        assertThat(status.get("accepted").asLong()).isEqualTo(2);
        assertThat(status.get("rejected").asLong()).isEqualTo(5);
        assertThat(status.get("sent").asLong()).isEqualTo(2);
        assertThat(status.get("blocked").asLong()).isZero();
        assertThat(status.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(errors(status)).containsExactly(
                "3 account_ref no account has the reference 'NO-SUCH-REF'",
                "4 amount '12.3.4' is not an amount (use 2234.56 or $2,234.56)",
                "5 amount is more than the account's balance of 2284.56 USD",
                "6 invoice_number the template prints {{row.invoice_number}} but this row has no value for it",
                "7 channel 'FAX' is not EMAIL, SMS or LETTER");

        Eventually.holds(() -> assertThat(mailsTo(mailServer, ana.email())).isEqualTo(1));
        Eventually.holds(() -> assertThat(api.get("/api/v1/sms-sandbox/outbox").body()).contains(ben.phone()));
        String mail = GreenMailUtil.getBody(mailTo(mailServer, ana.email()));
        assertThat(mailTo(mailServer, ana.email()).getSubject()).contains("Invoice INV-1001");
        assertThat(mail).contains("INV-1001").contains("$100.00");
        String outbox = api.get("/api/v1/sms-sandbox/outbox").body();
        assertThat(outbox).contains(ben.phone()).contains("invoice INV-1002").contains("$2,284.56");
        UUID id = UUID.fromString(status.get("id").asString());
        assertThat(messagesTo(jdbc, id, ana.account())).isEqualTo(1);
        assertThat(messagesTo(jdbc, id, ben.account())).isEqualTo(1);
        assertThat(messagesTo(jdbc, id, carla.account())).isZero();
        assertThat(messagesTo(jdbc, id, dan.account())).isZero();
        assertThat(api.get("/api/v1/accounts/" + ana.account() + "/payment-requests").json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/bulk-sends/" + id + "/errors.csv").body()).contains("3,account_ref");
    }

    @Test
    void anExcelWorkbookIsSentLikeACsvFile() {
        byte[] workbook = PlacementFiles.xlsx(List.of(
                List.of("Account Ref", "Channel", "Invoice Number"),
                List.of(ana.ref(), "email", "INV-2001"),
                List.of(ben.ref(), "sms", "INV-2002")));

        JsonNode status = upload("invoices.xlsx", workbook, "spring-invoices");

        assertThat(status.get("status").asString()).isEqualTo("DONE");
        assertThat(status.get("sent").asLong()).isEqualTo(2);
        assertThat(status.get("channels").get("EMAIL").asLong()).isEqualTo(1);
        assertThat(status.get("channels").get("SMS").asLong()).isEqualTo(1);
        Eventually.holds(() -> assertThat(mailsTo(mailServer, ana.email())).isEqualTo(1));
        Eventually.holds(() -> assertThat(api.get("/api/v1/sms-sandbox/outbox").body()).contains("invoice INV-2002"));
    }

    @Test
    void theSameFileUploadedAgainIsANewCampaignThatSendsAgain() {
        byte[] file = csv(List.of(List.of("account_ref"), List.of(ana.ref()))).getBytes(StandardCharsets.UTF_8);

        JsonNode first = upload("again.csv", file, null);
        JsonNode second = upload("again.csv", file, null);

        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(first.get("sent").asLong()).isEqualTo(1);
        assertThat(second.get("sent").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/accounts/" + ana.account() + "/payment-requests").json().get("items")).hasSize(2);
        Eventually.holds(() -> assertThat(mailsTo(mailServer, ana.email())).isEqualTo(2));
    }

    @Test
    void anotherTenantCannotSeeABulkSendAndBadRequestsNameTheField() {
        JsonNode status = upload("mine.csv", csv(List.of(List.of("account_ref"), List.of(ana.ref()))).getBytes(StandardCharsets.UTF_8), null);
        ApiClient stranger = new ApiClient(port, tenants.create("Another agency").apiKey());

        assertThat(stranger.get("/api/v1/bulk-sends/" + status.get("id").asString()).status()).isEqualTo(404);
        ApiClient.Response unknownTemplate = api.postMultipart("/api/v1/bulk-sends", "x.csv", "account_ref\r\nX\r\n".getBytes(),
                Map.of("template", "no-such-template"));
        assertThat(unknownTemplate.status()).isEqualTo(400);
        assertThat(unknownTemplate.body()).contains("template");
        ApiClient.Response badDays = api.postMultipart("/api/v1/bulk-sends", "x.csv", "account_ref\r\nX\r\n".getBytes(),
                Map.of("expiresInDays", "0"));
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.body()).contains("expiresInDays");
    }

    @Test
    void aSendStartedWithConfirmationWaitsInPreviewWithTheGatesAnswerUntilConfirmed() {
        ApiClient.Response started = api.postMultipart("/api/v1/bulk-sends", "preview.csv",
                csv(List.of(List.of("account_ref", "channel"), List.of(ana.ref(), "EMAIL"), List.of(ben.ref(), "SMS")))
                        .getBytes(StandardCharsets.UTF_8), Map.of("confirm", "true"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();

        JsonNode preview = await(id, "PREVIEW");
        assertThat(preview.get("preview").get("wouldSend").asLong()).isEqualTo(2);
        assertThat(preview.get("sent").asLong()).isZero();
        assertThat(mailsTo(mailServer, ana.email())).isZero();

        assertThat(api.post("/api/v1/bulk-sends/" + id + "/confirm", "").status()).isEqualTo(202);
        JsonNode done = await(id, "DONE");
        assertThat(done.get("sent").asLong()).isEqualTo(2);
        Eventually.holds(() -> assertThat(mailsTo(mailServer, ana.email())).isEqualTo(1));
    }

    @Test
    void aRowThatCannotBeSentWhenItsTurnComesFailsAloneWhileTheRestOfItsBatchIsSentOnce() {
        ApiClient.Response started = api.postMultipart("/api/v1/bulk-sends", "batch.csv",
                csv(List.of(List.of("account_ref", "channel", "invoice_number"), List.of(ana.ref(), "EMAIL", "INV-1"),
                        List.of(ben.ref(), "SMS", "INV-2"), List.of(carla.ref(), "EMAIL", "INV-3"), List.of(dan.ref(), "SMS", "INV-4")))
                        .getBytes(StandardCharsets.UTF_8), Map.of("confirm", "true", "template", "spring-invoices"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        await(id, "PREVIEW");
        // Carla paid everything after the file was checked: her row now asks for nothing and cannot become a request.
        jdbc.sql("update account set balance = 0 where id = ?").param(carla.account().value()).update();

        assertThat(api.post("/api/v1/bulk-sends/" + id + "/confirm", "").status()).isEqualTo(202);
        JsonNode done = await(id, "DONE");

        assertThat(done.get("sent").asLong()).isEqualTo(3);
        assertThat(done.get("failed").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select failure from bulk_send_item where bulk_send_id = ? and account_id = ?")
                .params(UUID.fromString(id), carla.account().value()).query(String.class).single())
                .contains("amount").contains("more than zero");
        UUID campaign = UUID.fromString(id);
        assertThat(messagesTo(jdbc, campaign, ana.account())).isEqualTo(1);
        assertThat(messagesTo(jdbc, campaign, ben.account())).isEqualTo(1);
        assertThat(messagesTo(jdbc, campaign, carla.account())).isZero();
        assertThat(messagesTo(jdbc, campaign, dan.account())).isEqualTo(1);
        Eventually.holds(() -> assertThat(mailsTo(mailServer, ana.email())).isEqualTo(1));
        assertThat(mailsTo(mailServer, carla.email())).isZero();
        // Everything the sent rows wrote is there once: their requests, decisions and timeline entries.
        for (var consumer : List.of(ana, ben, dan)) {
            assertThat(api.get("/api/v1/accounts/" + consumer.account() + "/payment-requests").json().get("items")).hasSize(1);
            assertThat(jdbc.sql("select count(*) from account_history where account_id = ? and kind = 'payment-request.created'")
                    .param(consumer.account().value()).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from contact_decision where account_id = ?")
                    .param(consumer.account().value()).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from payment_request where account_id = ?").param(carla.account().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePreviewJudgesEachRowsOwnMessageAsTheSendWill() {
        UUID creditor = accounts.find(tenant.id(), ana.account()).orElseThrow().creditor().id();
        templates.create(tenant.system(), new MessageTemplates.Draft(creditor, io.rapport.messaging.Channel.EMAIL, "en",
                "final-notice", "Final notice from {{creditor.name}}",
                "Dear {{consumer.name}}, pay {{payment.amount}} at {{payment.link}} or we may take legal action."));
        // Carla's debt is past the statute of limitations: no message about it may threaten suit (TBD-01).
        jdbc.sql("update debt set time_barred = true where account_id = ?").param(carla.account().value()).update();

        ApiClient.Response started = api.postMultipart("/api/v1/bulk-sends", "final.csv",
                csv(List.of(List.of("account_ref", "channel"), List.of(ana.ref(), "EMAIL"), List.of(carla.ref(), "EMAIL")))
                        .getBytes(StandardCharsets.UTF_8), Map.of("confirm", "true", "template", "final-notice"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode preview = await(started.json().get("id").asString(), "PREVIEW");

        assertThat(preview.get("preview").get("wouldSend").asLong()).isEqualTo(1);
        assertThat(preview.get("preview").get("wouldBlock").asLong()).isEqualTo(1);
        assertThat(preview.get("preview").get("blockedBecause").toString()).contains("TBD-01");
    }

    private JsonNode upload(String name, byte[] content, String template) {
        ApiClient.Response started = api.postMultipart("/api/v1/bulk-sends", name, content,
                template == null ? Map.of() : Map.of("template", template));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return await(started.json().get("id").asString(), "DONE", "FAILED");
    }

    private JsonNode await(String id, String... states) {
        JsonNode[] last = new JsonNode[1];
        awaitStatus(() -> {
            last[0] = api.get("/api/v1/bulk-sends/" + id).json();
            return new BulkSendStatus(null, null, null, 0, last[0].get("status").asString(), 0, 0, 0, 0, 0, 0, 0, 0, null, null,
                    null, null, null, List.of());
        }, states);
        return last[0];
    }

    private static List<String> errors(JsonNode status) {
        return status.get("errors").valueStream()
                .map(e -> e.get("row").asLong() + " " + e.get("column").asString() + " " + e.get("message").asString()).toList();
    }
}
