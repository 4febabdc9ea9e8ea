package io.rapport.messaging.sms.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.TenantId;
import io.rapport.support.ApiClient;
import io.rapport.support.Eventually;
import io.rapport.support.ElevenInTheMorningInMaryland;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With Twilio as the SMS provider, texts leave through Twilio's REST API, played here by a local server that answers
 * as Twilio does, and Twilio's delivery reports and consumers' replies come back through the webhooks, which believe
 * only requests signed with the account's auth token. The signatures here are computed from Twilio's published
 * algorithm (HMAC-SHA1 of the URL and the sorted parameters, in Base64), not with the code Rapport validates them
 * with. The clock stands at 11:00 in Maryland on a weekday, so time of day never decides these tests.
 */
@RapportIntegrationTest
@Import(ElevenInTheMorningInMaryland.class)
@TestPropertySource(properties = {
        "rapport.sms.provider=twilio",
        "rapport.sms.twilio.account-sid=" + TextsGoOutThroughTwilioAndOnlySignedCallbacksComeBack.ACCOUNT_SID,
        "rapport.sms.twilio.auth-token=" + TextsGoOutThroughTwilioAndOnlySignedCallbacksComeBack.AUTH_TOKEN,
        "rapport.sms.twilio.from=" + TextsGoOutThroughTwilioAndOnlySignedCallbacksComeBack.TWILIO_NUMBER,
        "rapport.sms.per-sender-per-second=1000"})
class TextsGoOutThroughTwilioAndOnlySignedCallbacksComeBack {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "12345678901234567890123456789012";
    static final String TWILIO_NUMBER = "+13015550999";
    /** rapport.base-url of the test profile: the public address Twilio calls and signs. */
    static final String PUBLIC_BASE = "http://localhost";

    static final TwilioStandIn TWILIO = new TwilioStandIn();

    @DynamicPropertySource
    static void twilioIsTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("rapport.sms.twilio.api-base-url", TWILIO::baseUrl);
    }

    @AfterAll
    static void stopTheStandIn() {
        TWILIO.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MessageLog messageLog;

    ApiClient api;
    TenantId tenant;
    String account;
    String smsTemplate;
    String phone;

    @BeforeEach
    void anAccountWithATextTemplate() {
        TestTenants.TestTenant created = tenants.create("Twilio tests");
        tenant = created.id();
        api = new ApiClient(port, created.apiKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        phone = "+1301555" + String.format("%04d", Math.floorMod(suffix.hashCode(), 9000) + 1000);
        account = api.post("/api/v1/accounts", SamplePlacements.json("TW-" + suffix, "Ana", "Diaz", phone, "ana." + suffix + "@example.com"))
                .json().get("id").asString();
        String creditor = api.get("/api/v1/creditors").json().get("items").get(0).get("id").asString();
        var template = api.post("/api/v1/templates", "{\"creditorId\": \"" + creditor + "\", \"channel\": \"SMS\", \"language\": \"en\", "
                + "\"name\": \"Twilio " + UUID.randomUUID() + "\", \"body\": \"Hi {{consumer.firstName}}, please call us about your account.\"}");
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        smsTemplate = template.json().get("id").asString();
    }

    @Test
    void aTextSentThroughOutreachReachesTwilioFromTheAccountWithItsBodyAndStatusCallback() {
        var sent = send("first-text");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        Eventually.holds(() -> assertThat(TWILIO.messagesTo(phone)).hasSize(1));
        List<TwilioStandIn.Received> toConsumer = TWILIO.messagesTo(phone);
        TwilioStandIn.Received request = toConsumer.get(0);
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.form()).containsEntry("From", TWILIO_NUMBER).doesNotContainKey("MessagingServiceSid")
                .containsEntry("StatusCallback", PUBLIC_BASE + "/webhooks/twilio/status");
        assertThat(request.form().get("Body")).startsWith("Hi Ana, please call us about your account.")
                .contains("This is an attempt to collect a debt").endsWith("Reply STOP to opt out.");
        MessageId message = new MessageId(UUID.fromString(sent.json().get("messageId").asString()));
        assertThat(messageLog.byProviderRef(tenant, request.sid())).contains(message);
        Eventually.holds(() -> assertThat(status(message)).isEqualTo("SENT"));
    }

    @Test
    void aSignedDeliveryReportMarksTheTextDelivered() {
        MessageId message = sentText("delivered");
        Map<String, String> report = report(TWILIO.messagesTo(phone).get(0).sid(), "delivered", null);

        var answer = postForm("/webhooks/twilio/status", report, signature(AUTH_TOKEN, "/webhooks/twilio/status", report));

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(status(message)).isEqualTo("DELIVERED");
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body()).contains("message.delivered");
    }

    @Test
    void aSignedReportThatTheTextWasUndeliveredMarksItFailedWithTwiliosErrorCode() {
        MessageId message = sentText("undelivered");
        Map<String, String> report = report(TWILIO.messagesTo(phone).get(0).sid(), "undelivered", "30003");

        var answer = postForm("/webhooks/twilio/status", report, signature(AUTH_TOKEN, "/webhooks/twilio/status", report));

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(status(message)).isEqualTo("FAILED");
        assertThat(api.get("/api/v1/messages/" + message.value()).body()).contains("30003");
    }

    @Test
    void anUnsignedOrWronglySignedReportIsRefusedAndChangesNothing() {
        MessageId message = sentText("forged-report");
        String sid = TWILIO.messagesTo(phone).get(0).sid();
        Map<String, String> delivered = report(sid, "delivered", null);
        Map<String, String> failed = report(sid, "failed", "30008");

        assertThat(postForm("/webhooks/twilio/status", delivered, null).statusCode()).isEqualTo(403);
        assertThat(postForm("/webhooks/twilio/status", delivered, signature("another account's token", "/webhooks/twilio/status", delivered))
                .statusCode()).isEqualTo(403);
        assertThat(postForm("/webhooks/twilio/status", failed, signature(AUTH_TOKEN, "/webhooks/twilio/status", delivered))
                .statusCode()).isEqualTo(403);
        assertThat(postForm("/webhooks/twilio/status", delivered, signature(AUTH_TOKEN, "/webhooks/twilio/inbound", delivered))
                .statusCode()).isEqualTo(403);

        JsonNode unchanged = api.get("/api/v1/messages/" + message.value()).json();
        assertThat(unchanged.get("status").asString()).isEqualTo("SENT");
        assertThat(unchanged.get("events").findValuesAsString("kind")).containsExactly("QUEUED", "SENT");
    }

    @Test
    void aSignedStopOptsTheNumberOutConfirmedThroughTwilioAndLaterTextsAreBlocked() {
        sentText("before-stop");
        Map<String, String> stop = inbound(phone, "STOP");

        var answer = postForm("/webhooks/twilio/inbound", stop, signature(AUTH_TOKEN, "/webhooks/twilio/inbound", stop));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(answer.body()).endsWith("<Response/>");
        Eventually.holds(() -> assertThat(TWILIO.messagesTo(phone)).hasSize(2));
        List<TwilioStandIn.Received> toConsumer = TWILIO.messagesTo(phone);
        assertThat(toConsumer.get(1).form().get("Body")).contains("No recibirá más mensajes de texto");
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body()).contains("message.reply").contains("STOP");

        var later = send("after-stop");
        assertThat(later.json().get("decision").get("decision").asString()).as(later.body()).isEqualTo("BLOCK");
        assertThat(TWILIO.messagesTo(phone)).hasSize(2);
    }

    @Test
    void aForgedStopIsRefusedAndTheNumberStaysOptedIn() {
        sentText("before-forged-stop");
        Map<String, String> stop = inbound(phone, "STOP");

        assertThat(postForm("/webhooks/twilio/inbound", stop, null).statusCode()).isEqualTo(403);
        assertThat(postForm("/webhooks/twilio/inbound", stop, signature("another account's token", "/webhooks/twilio/inbound", stop))
                .statusCode()).isEqualTo(403);

        assertThat(TWILIO.messagesTo(phone)).hasSize(1);
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body()).doesNotContain("message.reply");
        var later = send("after-forged-stop");
        assertThat(later.json().get("decision").get("decision").asString()).as(later.body()).isEqualTo("ALLOW");
        Eventually.holds(() -> assertThat(TWILIO.messagesTo(phone)).hasSize(2));
    }

    @Test
    void aNumberTwilioRefusesAsInvalidFailsTheTextAtOnceWithoutRetries() {
        TWILIO.refuseAsInvalid(phone);

        var sent = send("invalid-number");

        MessageId message = new MessageId(UUID.fromString(sent.json().get("messageId").asString()));
        Eventually.holds(() -> assertThat(status(message)).isEqualTo("FAILED"));
        assertThat(TWILIO.messagesTo(phone)).hasSize(1);
        JsonNode failed = api.get("/api/v1/messages/" + message.value()).json();
        assertThat(failed.toString()).contains("21211").doesNotContain(phone);
    }

    private MessageId sentText(String key) {
        var sent = send(key);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        MessageId message = new MessageId(UUID.fromString(sent.json().get("messageId").asString()));
        // Handed to Twilio once the sending transaction has committed.
        Eventually.holds(() -> assertThat(status(message)).isEqualTo("SENT"));
        return message;
    }

    private ApiClient.Response send(String key) {
        return api.post("/api/v1/accounts/" + account + "/messages",
                "{\"templateId\": \"" + smsTemplate + "\", \"address\": \"" + phone + "\"}", key + "-" + UUID.randomUUID());
    }

    private String status(MessageId message) {
        return api.get("/api/v1/messages/" + message.value()).json().get("status").asString();
    }

    private static Map<String, String> report(String sid, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        form.put("From", TWILIO_NUMBER);
        form.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    private static Map<String, String> inbound(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("From", from);
        form.put("To", TWILIO_NUMBER);
        form.put("Body", body);
        form.put("NumMedia", "0");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** Twilio's request signature: HMAC-SHA1 with the auth token over the URL followed by each parameter's name and value, sorted by name. */
    private static String signature(String authToken, String path, Map<String, String> form) {
        StringBuilder signed = new StringBuilder(PUBLIC_BASE + path);
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioStandIn.encode(form)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Twilio's REST API as far as sending texts goes: it records each request and answers 201 with a message resource,
     * or 400 with error 21211 for a number it was told is invalid.
     */
    static final class TwilioStandIn {

        record Received(String path, String authorization, Map<String, String> form, String sid) {
        }

        private final HttpServer server;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Set<String> invalid = java.util.Collections.synchronizedSet(new HashSet<>());

        TwilioStandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/2010-04-01/Accounts/", this::messages);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        void refuseAsInvalid(String number) {
            invalid.add(number);
        }

        List<Received> messagesTo(String number) {
            return received.stream().filter(r -> number.equals(r.form().get("To"))).collect(Collectors.toList());
        }

        private void messages(HttpExchange exchange) throws IOException {
            Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), form, sid));
            String to = form.getOrDefault("To", "");
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/Messages.json")) {
                answer(exchange, 404, "{\"code\": 20404, \"message\": \"The requested resource was not found\", \"status\": 404}");
            } else if (invalid.contains(to)) {
                answer(exchange, 400, """
                        {"code": 21211, "message": "Invalid 'To' Phone Number: %s", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"""
                        .formatted(to));
            } else {
                answer(exchange, 201, """
                        {"account_sid": "%s", "api_version": "2010-04-01", "body": "%s", "date_created": "Tue, 17 Mar 2026 15:00:00 +0000",
                         "date_sent": null, "date_updated": "Tue, 17 Mar 2026 15:00:00 +0000", "direction": "outbound-api",
                         "error_code": null, "error_message": null, "from": "%s", "messaging_service_sid": null, "num_media": "0",
                         "num_segments": "1", "price": null, "price_unit": "USD", "sid": "%s", "status": "queued",
                         "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/%s/Media.json"}, "to": "%s",
                         "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                        .formatted(ACCOUNT_SID, "(body)", form.get("From"), sid, ACCOUNT_SID, sid, to, ACCOUNT_SID, sid));
            }
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        static Map<String, String> decode(String body) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return form;
        }

        static String encode(Map<String, String> form) {
            List<String> pairs = new ArrayList<>();
            form.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return String.join("&", pairs);
        }
    }
}
