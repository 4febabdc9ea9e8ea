package io.rapport.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMail;
import io.rapport.accounts.AccountId;
import io.rapport.platform.Money;
import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Templates, email, texts and letters end to end, over the API, SMTP and the public links. */
@RapportIntegrationTest
class MessagingIntegrationTests {

    private static final String PAYMENT_LINK = "https://pay.rapport.example/p/Zx8kq2";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MessageSending sending;

    @Autowired
    GreenMail mailServer;

    private TestTenants.TestTenant tenant;
    private ApiClient api;
    private AccountId account;
    private String creditorId;
    private String email;
    private String phone;

    @BeforeEach
    void placeAnAccountWithABrandedCreditor() {
        tenant = tenants.create("Messaging " + UUID.randomUUID());
        api = new ApiClient(port, tenant.apiKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        email = "ana." + suffix + "@example.com";
        phone = "+1301555" + String.format("%04d", Math.abs(suffix.hashCode()) % 10000);
        ApiClient.Response placed = api.post("/api/v1/accounts", SamplePlacements.json("CRM-" + suffix, "Ana", "Diaz", phone, email));
        assertThat(placed.status()).isEqualTo(201);
        account = new AccountId(UUID.fromString(placed.json().get("id").asString()));
        creditorId = api.get("/api/v1/creditors").json().get("items").get(0).get("id").asString();
        assertThat(api.put("/api/v1/creditors/" + creditorId + "/branding", """
                {"primaryColor": "#7a1f5c", "accentColor": "#2e7d32", "senderName": "Rockville Recovery",
                 "emailDomain": "mail.rockville.example", "supportPhone": "+1 301 555 0100", "supportHours": "Mon-Fri 9-5"}""")
                .status()).isEqualTo(200);
    }

    @Test
    void templatesAreVersionedAndSaveTimeErrorsNameTheField() {
        ApiClient.Response unknown = api.post("/api/v1/templates", template("SMS", "Hi {{consumer.nickname}}", null));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("consumer.nickname");

        ApiClient.Response missing = api.post("/api/v1/templates", template("SMS", "Settle for {{payment.settlement.amount}}", null));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("message").asString()).contains("payment.settlement.amount");

        ApiClient.Response created = api.post("/api/v1/templates", template("SMS", "Hi {{consumer.firstName}}, pay {{payment.amount}}", null));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        ApiClient.Response saved = api.put("/api/v1/templates/" + id, "{\"body\": \"Hello {{consumer.firstName}}: {{payment.link}}\"}");
        assertThat(saved.json().get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/templates/" + id + "/versions").json().get("items")).hasSize(2);
        assertThat(api.get("/api/v1/templates/" + id + "/versions/1").json().get("body").asString()).contains("pay {{payment.amount}}");

        ApiClient.Response preview = api.post("/api/v1/templates/" + id + "/preview",
                "{\"accountId\": \"" + account + "\", \"payment\": {\"amount\": {\"amount\": 228456, \"currency\": \"USD\"}, \"link\": \""
                        + PAYMENT_LINK + "\"}}");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("text").asString()).startsWith("Hello Ana: " + PAYMENT_LINK)
                .contains("This communication is from a debt collector").contains("Reply STOP to opt out");
        assertThat(preview.json().get("segments").asInt()).isEqualTo(2); // the full debt-collector statement takes a second segment

        ApiClient other = new ApiClient(port, tenants.create("Other " + UUID.randomUUID()).apiKey());
        assertThat(other.get("/api/v1/templates/" + id).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/templates/" + id + "/preview", "{\"accountId\": \"" + account + "\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/templates/" + id + "/preview", "{\"accountId\": \"" + UUID.randomUUID() + "\"}").status())
                .isEqualTo(404);
    }

    @Test
    void aBrandedEmailArrivesWithUnsubscribeHeadersAndItsOpensAndClicksAreTracked() throws Exception {
        String templateId = api.post("/api/v1/templates", template("EMAIL",
                "Hello {{consumer.firstName}},\n\nYou can pay {{payment.amount}} here: {{payment.link}}\n\nThank you.",
                "Your {{debt.creditor}} balance")).json().get("id").asString();
        UUID campaign = UUID.randomUUID();
        ApprovedContact approval = approval(Channel.EMAIL, email);
        MessageId sent = sending.send(approval, new TemplateId(UUID.fromString(templateId)), payment(), campaign);

        MimeMessage mime = received(sent);
        assertThat(mime.getSubject()).isEqualTo("Your Bank of Rockville balance");
        InternetAddress from = (InternetAddress) mime.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Rockville Recovery");
        assertThat(from.getAddress()).isEqualTo("notices@mail.rockville.example");
        assertThat(mime.getMessageID()).isEqualTo("<" + sent + "@mail.rockville.example>");
        assertThat(mime.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String listUnsubscribe = mime.getHeader("List-Unsubscribe")[0];
        assertThat(listUnsubscribe).matches("<mailto:unsubscribe\\+[A-Za-z0-9_-]{43}@mail\\.rockville\\.example>, <http://localhost/u/[A-Za-z0-9_-]{43}>");

        List<String> types = new ArrayList<>();
        String[] parts = new String[2];
        walk(mime, types, parts);
        assertThat(types).anyMatch(t -> t.startsWith("text/plain")).anyMatch(t -> t.startsWith("text/html"));
        assertThat(parts[0]).contains("Hello Ana").contains("This communication is from a debt collector")
                .contains("unsubscribe here: http://localhost/u/").doesNotContain(PAYMENT_LINK);
        assertThat(parts[1]).contains("#7a1f5c").contains("Rockville Recovery").contains("$2,284.56");

        String pixel = first(parts[1], "http://localhost(/t/o/[A-Za-z0-9_-]{43})");
        String click = first(parts[1], "href=\"http://localhost(/t/c/[A-Za-z0-9_-]{43})\"");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> gif = http.send(HttpRequest.newBuilder(URI.create(base() + pixel)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gif.statusCode()).isEqualTo(200);
        assertThat(gif.headers().firstValue("Content-Type")).hasValue("image/gif");
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(base() + click)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue(PAYMENT_LINK);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/t/c/" + "A".repeat(43))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

        JsonNode message = api.get("/api/v1/messages/" + sent).json();
        assertThat(message.get("status").asString()).isEqualTo("CLICKED");
        assertThat(kinds(message)).contains("QUEUED", "SENT", "OPENED", "CLICKED");
        JsonNode counts = api.get("/api/v1/message-counts?campaignId=" + campaign).json().get("counts");
        assertThat(counts.get("SENT").asInt()).isEqualTo(1);
        assertThat(counts.get("OPENED").asInt()).isEqualTo(1);
        assertThat(counts.get("CLICKED").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body()).contains("message.sent").contains("message.opened");

        int before = mailServer.getReceivedMessages().length;
        assertThat(sending.send(approval, new TemplateId(UUID.fromString(templateId)), payment(), campaign)).isEqualTo(sent);
        assertThat(mailServer.getReceivedMessages()).hasSize(before);

        String unsubscribe = first(listUnsubscribe, "<http://localhost(/u/[A-Za-z0-9_-]{43})>");
        HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(URI.create(base() + unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        JsonNode consents = api.get("/api/v1/accounts/" + account).json().get("consents");
        assertThat(consents.toString()).contains("email-unsubscribe-link");

        assertThat(api.post("/api/v1/email-events", "{\"messageId\": \"<" + sent + "@mail.rockville.example>\", \"type\": \"BOUNCE\", \"reason\": \"550 mailbox unavailable\"}")
                .status()).isEqualTo(200);
        assertThat(kinds(api.get("/api/v1/messages/" + sent).json())).contains("BOUNCED");
        ApiClient other = new ApiClient(port, tenants.create("Other " + UUID.randomUUID()).apiKey());
        assertThat(other.get("/api/v1/messages/" + sent).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/email-events", "{\"messageId\": \"<" + sent + "@mail.rockville.example>\", \"type\": \"COMPLAINT\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void stopBlocksFurtherTextsAtTheConsentLevelAndIsConfirmedExactlyOnce() {
        String templateId = api.post("/api/v1/templates", template("SMS", "Hi {{consumer.firstName}}, pay {{payment.amount}}: {{payment.link}}", null))
                .json().get("id").asString();
        MessageId first = sending.send(approval(Channel.SMS, phone), new TemplateId(UUID.fromString(templateId)), payment(), null);
        assertThat(outbox()).hasSize(1);
        assertThat(outbox().get(0).get("body").asString()).contains("Hi Ana").endsWith("Reply STOP to opt out.");
        assertThat(api.post("/api/v1/sms-sandbox/messages/" + first + "/receipt", "{\"status\": \"DELIVERED\"}").status()).isEqualTo(204);

        ApiClient.Response stop = api.post("/api/v1/sms-sandbox/replies", "{\"from\": \"" + phone + "\", \"body\": \"STOP\"}");
        assertThat(stop.status()).isEqualTo(202);
        assertThat(stop.json().get("intent").asString()).isEqualTo("OPT_OUT");
        assertThat(api.post("/api/v1/sms-sandbox/replies", "{\"from\": \"" + phone + "\", \"body\": \"para de escribirme\"}")
                .json().get("intent").asString()).isEqualTo("OPT_OUT");

        List<JsonNode> texts = outbox();
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0).get("body").asString()).contains("No recibirá más mensajes de texto");
        JsonNode consents = api.get("/api/v1/accounts/" + account).json().get("consents");
        assertThat(consents.toString()).contains("sms-reply");
        boolean smsInForce = false;
        for (JsonNode c : consents) {
            if (c.get("channel").asString().equals("SMS") && c.get("granted").asBoolean() && c.get("revokedAt") == null) {
                smsInForce = true;
            }
        }
        assertThat(smsInForce).isFalse();

        MessageId blocked = sending.send(approval(Channel.SMS, phone), new TemplateId(UUID.fromString(templateId)), payment(), null);
        assertThat(api.get("/api/v1/messages/" + blocked).json().get("status").asString()).isEqualTo("FAILED");
        assertThat(outbox()).hasSize(2);
        JsonNode answered = api.get("/api/v1/messages/" + first).json();
        assertThat(kinds(answered)).contains("DELIVERED", "REPLIED");
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body()).contains("message.reply").contains("STOP");

        // START opts back in: a new consent in force, confirmed once, and texts flow again.
        ApiClient.Response start = api.post("/api/v1/sms-sandbox/replies", "{\"from\": \"" + phone + "\", \"body\": \"START\"}");
        assertThat(start.json().get("intent").asString()).isEqualTo("OPT_IN");
        assertThat(outbox()).hasSize(3);
        MessageId again = sending.send(approval(Channel.SMS, phone), new TemplateId(UUID.fromString(templateId)), payment(), null);
        assertThat(api.get("/api/v1/messages/" + again).json().get("status").asString()).isNotEqualTo("FAILED");
        assertThat(outbox()).hasSize(4);
    }

    @Test
    void aLetterIsPrintedWithTheBrandingTheAmountsAndAQrCodeOfThePaymentLink() throws Exception {
        String templateId = api.post("/api/v1/templates", template("LETTER",
                "Dear {{consumer.name}},\n\nYour balance with {{debt.creditor}} is {{debt.balance}}.", null)).json().get("id").asString();
        MessageId letter = sending.send(approval(Channel.LETTER, null), new TemplateId(UUID.fromString(templateId)), payment(), null);
        assertThat(api.get("/api/v1/messages/" + letter).json().get("status").asString()).isEqualTo("QUEUED");

        ApiClient.Response batch = api.post("/api/v1/print-batches", "{}");
        assertThat(batch.status()).isEqualTo(201);
        assertThat(batch.json().get("letters").asInt()).isEqualTo(1);
        String batchId = batch.json().get("id").asString();
        assertThat(api.post("/api/v1/print-batches", "{}").json().get("letters").asInt()).isZero();
        assertThat(api.get("/api/v1/messages/" + letter).json().get("status").asString()).isEqualTo("SENT");

        byte[] pdf = bytes("/api/v1/print-batches/" + batchId + "/letters.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Rockville Recovery").contains("Dear Ana Diaz").contains("$2,284.56")
                    .contains("****6789").contains("This communication is from a debt collector");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
                    .getText();
            assertThat(decoded).isEqualTo(PAYMENT_LINK);
        }
        String manifest = api.get("/api/v1/print-batches/" + batchId + "/manifest.csv").body();
        assertThat(manifest.lines().toList()).hasSize(2);
        assertThat(manifest).startsWith("sequence,message_id,account_reference").contains(letter.toString())
                .contains("2323 Park Street").contains("20815");

        assertThat(api.post("/api/v1/messages/" + letter + "/returned", "{\"reason\": \"addressee unknown\"}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/messages/" + letter).json().get("status").asString()).isEqualTo("RETURNED");
        ApiClient other = new ApiClient(port, tenants.create("Other " + UUID.randomUUID()).apiKey());
        assertThat(other.get("/api/v1/print-batches/" + batchId + "/letters.pdf").status()).isEqualTo(404);
    }

    private String template(String channel, String body, String subject) {
        return "{\"creditorId\": \"" + creditorId + "\", \"channel\": \"" + channel + "\", \"language\": \"en\", \"name\": \"Payment link "
                + UUID.randomUUID() + "\", " + (subject == null ? "" : "\"subject\": \"" + subject + "\", ")
                + "\"body\": \"" + body.replace("\n", "\\n") + "\"}";
    }

    private ApprovedContact approval(Channel channel, String address) {
        return new ApprovedContact(UUID.randomUUID(), tenant.id(), account, channel, address, "decision-" + UUID.randomUUID(),
                Instant.now());
    }

    private static PaymentRequestDetails payment() {
        return new PaymentRequestDetails(Money.of(228456, "USD"), PAYMENT_LINK, Instant.parse("2026-08-01T00:00:00Z"),
                new PaymentRequestDetails.SettlementOffer(Money.of(180000, "USD"), LocalDate.parse("2026-07-31")));
    }

    private MimeMessage received(MessageId id) throws Exception {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return m.getMessageID().contains(id.toString());
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }

    private static void walk(jakarta.mail.Part part, List<String> types, String[] parts) throws Exception {
        types.add(part.getContentType().toLowerCase());
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), types, parts);
            }
        } else if (part.isMimeType("text/plain")) {
            parts[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
            parts[1] = (String) part.getContent();
        }
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    private static List<String> kinds(JsonNode message) {
        List<String> kinds = new ArrayList<>();
        message.get("events").forEach(e -> kinds.add(e.get("kind").asString()));
        return kinds;
    }

    private List<JsonNode> outbox() {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/v1/sms-sandbox/outbox").json().get("items").forEach(items::add);
        return items;
    }

    private byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + tenant.apiKey()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
