package io.rapport.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.AccountId;
import io.rapport.support.ApiClient;
import io.rapport.support.Eventually;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.RefusingMailServer;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTemplates;
import io.rapport.support.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Bulk delivery: the emails sent together reach the mail server over one connection; one the server refuses is tried
 * again on its own while the others are sent; and texts paced at a carrier's rate (one a second here) do not hold
 * back an email queued after them.
 */
@RapportIntegrationTest
// An application of its own (another mail server, carrier pacing): a small connection pool, so that it adds little
// to the connections the other cached test applications hold on the shared PostgreSQL.
@TestPropertySource(properties = {"rapport.smtp.host=127.0.0.1", "rapport.sms.per-sender-per-second=1",
        "spring.datasource.hikari.maximum-pool-size=3"})
class EmailsGoOutInBatchesOverOneConnectionAndTextsNeverHoldThemBack {

    static final RefusingMailServer MAIL_SERVER = new RefusingMailServer();

    @DynamicPropertySource
    static void mailGoesToTheRefusingServer(DynamicPropertyRegistry registry) {
        registry.add("rapport.smtp.port", MAIL_SERVER::port);
    }

    @AfterAll
    static void stopTheMailServer() throws Exception {
        MAIL_SERVER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MessageSending sending;

    @Autowired
    MessageDelivery delivery;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    private TestTenants.TestTenant tenant;
    private ApiClient api;
    private Consumer first;
    private TemplateId emailTemplate;
    private TemplateId textTemplate;

    @BeforeEach
    void aTenantWithAnEmailAndATextTemplate() {
        tenant = tenants.create("Batches " + UUID.randomUUID());
        api = new ApiClient(port, tenant.apiKey());
        first = consumer(); // placing the first account creates the creditor
        String creditor = api.get("/api/v1/creditors").json().get("items").get(0).get("id").asString();
        emailTemplate = new TemplateId(TestTemplates.create(api, creditor, "EMAIL", "Hello {{consumer.firstName}}, please call us.",
                "About your account"));
        textTemplate = new TemplateId(TestTemplates.create(api, creditor, "SMS", "Hi {{consumer.firstName}}, please call us.", null));
    }

    @Test
    void theEmailsOfOneTransactionReachTheMailServerOverOneConnection() {
        List<Consumer> consumers = new ArrayList<>(List.of(first));
        for (int i = 1; i < 12; i++) {
            consumers.add(consumer());
        }
        int connectionsBefore = MAIL_SERVER.connections();

        List<MessageId> ids = inOneTransaction(() -> consumers.stream().map(c -> email(c)).toList());

        Eventually.holds(() -> {
            assertThat(receivedFor(ids)).hasSize(12);
            assertThat(ids).allSatisfy(id -> assertThat(message(id).get("status").asString()).isEqualTo("SENT"));
        });
        assertThat(MAIL_SERVER.connections() - connectionsBefore).isEqualTo(1);
        assertThat(ids).allSatisfy(id -> assertThat(message(id).get("attempts").asInt()).isEqualTo(1));
        assertThat(api.get("/api/v1/accounts/" + consumers.get(0).account() + "/timeline").body()).contains("message.sent");
    }

    @Test
    void anEmailTheServerRefusesIsTriedAgainOnItsOwnWhileTheOthersOfItsBatchAreSent() {
        Consumer refused = first;
        List<Consumer> others = List.of(consumer(), consumer(), consumer());
        MAIL_SERVER.refuse(refused.email());
        int connectionsBefore = MAIL_SERVER.connections();

        List<MessageId> sentIds = new ArrayList<>();
        MessageId refusedId = inOneTransaction(() -> {
            sentIds.add(email(others.get(0)));
            MessageId id = email(refused);
            sentIds.add(email(others.get(1)));
            sentIds.add(email(others.get(2)));
            return id;
        });
        Instant firstAttempt = Instant.now();

        Eventually.holds(() -> {
            assertThat(receivedFor(sentIds)).hasSize(3);
            assertThat(sentIds).allSatisfy(id -> assertThat(message(id).get("status").asString()).isEqualTo("SENT"));
            assertThat(message(refusedId).get("attempts").asInt()).isEqualTo(1);
            assertThat(jdbc.sql("select last_error from message where id = ?").param(refusedId.value()).query(String.class).single())
                    .contains("the mail server did not accept it");
        });
        assertThat(MAIL_SERVER.connections() - connectionsBefore).isEqualTo(1);
        assertThat(message(refusedId).get("status").asString()).isEqualTo("QUEUED");
        assertThat(receivedFor(List.of(refusedId))).isEmpty();

        MAIL_SERVER.accept(refused.email());
        delivery.retryDue(firstAttempt.plusSeconds(10));
        assertThat(message(refusedId).get("attempts").asInt()).as("the 30 s backoff has not passed").isEqualTo(1);
        delivery.retryDue(firstAttempt.plus(Duration.ofSeconds(31)));

        JsonNode sent = message(refusedId);
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(receivedFor(List.of(refusedId))).hasSize(1);
        assertThat(receivedFor(sentIds)).as("nothing of the first batch went twice").hasSize(3);
    }

    @Test
    void textsPacedAtOneASecondDoNotHoldBackAnEmailQueuedAfterThem() {
        Consumer consumer = first;
        List<MessageId> textIds = inOneTransaction(() -> {
            List<MessageId> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(sending.send(approval(consumer, Channel.SMS, consumer.phone()), textTemplate, null, null));
            }
            return ids;
        });
        MessageId emailId = inOneTransaction(() -> email(consumer));

        Eventually.holds(() -> assertThat(receivedFor(List.of(emailId))).hasSize(1));
        assertThat(textsWithTheProvider(textIds)).as("the email went out while the texts were going out, one a second")
                .isLessThanOrEqualTo(3);
        Eventually.holds(() -> assertThat(message(emailId).get("status").asString()).isEqualTo("SENT"));

        Eventually.holds(() -> assertThat(textIds).allSatisfy(id -> assertThat(message(id).get("status").asString()).isEqualTo("SENT")));
        assertThat(textsWithTheProvider(textIds)).isEqualTo(8);
    }

    private record Consumer(AccountId account, String email, String phone) {
    }

    private Consumer consumer() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+1240555" + String.format("%04d", Math.abs(suffix.hashCode()) % 10000);
        String email = "consumer." + suffix + "@example.com";
        ApiClient.Response placed = api.post("/api/v1/accounts", SamplePlacements.json("BAT-" + suffix, "Ana", "Diaz", phone, email));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return new Consumer(new AccountId(UUID.fromString(placed.json().get("id").asString())), email, phone);
    }

    private MessageId email(Consumer consumer) {
        return sending.send(approval(consumer, Channel.EMAIL, consumer.email()), emailTemplate, null, null);
    }

    private ApprovedContact approval(Consumer consumer, Channel channel, String address) {
        return new ApprovedContact(UUID.randomUUID(), tenant.id(), consumer.account(), channel, address,
                "decision-" + UUID.randomUUID(), Instant.now());
    }

    private <T> T inOneTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    private List<RefusingMailServer.Received> receivedFor(List<MessageId> ids) {
        return MAIL_SERVER.received().stream()
                .filter(r -> r.messageId() != null && ids.stream().anyMatch(id -> r.messageId().startsWith("<" + id + "@")))
                .toList();
    }

    private long textsWithTheProvider(List<MessageId> ids) {
        List<String> handed = new ArrayList<>();
        api.get("/api/v1/sms-sandbox/outbox").json().get("items").forEach(e -> handed.add(e.get("messageId").asString()));
        return ids.stream().filter(id -> handed.contains(id.toString())).count();
    }

    private JsonNode message(MessageId id) {
        return api.get("/api/v1/messages/" + id).json();
    }
}
