package io.rapport.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.rapport.accounts.AccountId;
import io.rapport.messaging.sms.SandboxSmsProvider;
import io.rapport.messaging.spi.OutgoingSms;
import io.rapport.messaging.spi.SmsProvider;
import io.rapport.messaging.spi.SmsProviderFailure;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTemplates;
import io.rapport.support.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The transactional outbox: a message is claimed first and handed to its provider after the claim commits; a failed
 * attempt is retried with backoff by the retry job and marked failed after the last one; a claim whose hand-over
 * died with its node is sent by the job, once, even when two nodes run the job at the same moment.
 */
@RapportIntegrationTest
@Import(MessagesReachTheirProviderOnceThoughNodesCrashOrProvidersFail.ProviderThatFailsOnRequest.class)
class MessagesReachTheirProviderOnceThoughNodesCrashOrProvidersFail {

    /** The sandbox provider, failing for numbers the test names: the stand-in for a carrier network that is down. */
    @TestConfiguration
    static class ProviderThatFailsOnRequest {
        @Bean
        @Primary
        FailingNetwork failingNetwork(SandboxSmsProvider sandbox) {
            return new FailingNetwork(sandbox);
        }
    }

    static final class FailingNetwork implements SmsProvider {
        private final SandboxSmsProvider sandbox;
        private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

        FailingNetwork(SandboxSmsProvider sandbox) {
            this.sandbox = sandbox;
        }

        void fail(String number, int times) {
            failuresLeft.put(number, new AtomicInteger(times));
        }

        @Override
        public String send(OutgoingSms sms) throws SmsProviderFailure {
            AtomicInteger left = failuresLeft.get(sms.to());
            if (left != null && left.getAndDecrement() > 0) {
                throw new SmsProviderFailure("carrier gateway timed out", null);
            }
            return sandbox.send(sms);
        }

        @Override
        public String name() {
            return "failing-sandbox";
        }
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
    MessageLog messageLog;

    @Autowired
    FailingNetwork network;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcClient jdbc;

    private TestTenants.TestTenant tenant;
    private ApiClient api;
    private AccountId account;
    private String phone;
    private String email;
    private TemplateId textTemplate;
    private TemplateId emailTemplate;

    @BeforeEach
    void anAccountWithATextAndAnEmailTemplate() {
        tenant = tenants.create("Delivery " + UUID.randomUUID());
        api = new ApiClient(port, tenant.apiKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        phone = "+1240555" + String.format("%04d", Math.abs(suffix.hashCode()) % 10000);
        email = "ana." + suffix + "@example.com";
        ApiClient.Response placed = api.post("/api/v1/accounts", SamplePlacements.json("DLV-" + suffix, "Ana", "Diaz", phone, email));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        account = new AccountId(UUID.fromString(placed.json().get("id").asString()));
        String creditor = api.get("/api/v1/creditors").json().get("items").get(0).get("id").asString();
        textTemplate = template(creditor, "SMS", "Hi {{consumer.firstName}}, please call us.", null);
        emailTemplate = template(creditor, "EMAIL", "Hello {{consumer.firstName}}, please call us.", "About your account");
    }

    @Test
    void aProviderThatFailsTwiceThenTakesTheTextSendsItOnceOnTheThirdAttempt() {
        network.fail(phone, 2);
        MessageId id = sending.send(approval(Channel.SMS, phone), textTemplate, null, null);
        Instant firstAttempt = Instant.now();
        assertThat(message(id).get("status").asString()).isEqualTo("QUEUED");
        assertThat(message(id).get("attempts").asInt()).isEqualTo(1);

        delivery.retryDue(firstAttempt.plusSeconds(10));
        assertThat(message(id).get("attempts").asInt()).as("the 30 s backoff has not passed").isEqualTo(1);

        Instant second = firstAttempt.plusSeconds(31);
        delivery.retryDue(second);
        assertThat(message(id).get("attempts").asInt()).isEqualTo(2);
        assertThat(message(id).get("status").asString()).isEqualTo("QUEUED");

        delivery.retryDue(second.plus(Duration.ofMinutes(2)).plusSeconds(1));
        JsonNode sent = message(id);
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(3);
        assertThat(kinds(sent)).containsOnlyOnce("SENT").doesNotContain("FAILED");
        assertThat(outboxEntriesOf(id)).isEqualTo(1);

        delivery.retryDue(second.plus(Duration.ofDays(1)));
        assertThat(outboxEntriesOf(id)).isEqualTo(1);
    }

    @Test
    void aProviderThatAlwaysFailsLeavesTheTextFailedWithTheReasonAfterTheLastAttemptAndOnTheTimeline() {
        network.fail(phone, Integer.MAX_VALUE);
        MessageId id = sending.send(approval(Channel.SMS, phone), textTemplate, null, null);
        Instant at = Instant.now();
        for (Duration backoff : List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1))) {
            assertThat(message(id).get("status").asString()).isEqualTo("QUEUED");
            at = at.plus(backoff).plusSeconds(1);
            delivery.retryDue(at);
        }

        JsonNode failed = message(id);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(MessageDelivery.MAX_ATTEMPTS).isEqualTo(5);
        assertThat(detailOf(failed, "FAILED")).contains("the SMS provider did not accept it: carrier gateway timed out")
                .contains("attempt 5 of 5");
        assertThat(api.get("/api/v1/accounts/" + account + "/timeline").body()).contains("message.failed")
                .contains("Text message could not be sent: the SMS provider did not accept it");
        assertThat(outboxEntriesOf(id)).isZero();

        delivery.retryDue(at.plus(Duration.ofDays(1)));
        assertThat(message(id).get("attempts").asInt()).isEqualTo(5);
    }

    @Test
    void aTextLeftQueuedByACrashedNodeIsSentOnceByTheJobEvenWhenTwoNodesRunItAtOnce() throws Exception {
        // The claim committed, and the node died before handing the text over.
        MessageLog.Claim claim = messageLog.claim(approval(Channel.SMS, phone), new MessageLog.Outbound(textTemplate, 1, null,
                "+15550100100", null, "Hi Ana, please call us. This is from a debt collector. Reply STOP to opt out.", 1));
        MessageId id = claim.id();
        Instant now = Instant.now();
        delivery.retryDue(now);
        assertThat(message(id).get("attempts").asInt()).as("the hand-over's lease still holds").isZero();
        assertThat(outboxEntriesOf(id)).isZero();

        Instant leaseOver = now.plus(MessageLog.DISPATCH_LEASE).plusSeconds(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch together = new CountDownLatch(1);
        List<Future<Integer>> passes = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            passes.add(nodes.submit(() -> {
                together.await();
                return delivery.retryDue(leaseOver);
            }));
        }
        together.countDown();
        for (Future<Integer> pass : passes) {
            pass.get(30, TimeUnit.SECONDS);
        }
        nodes.shutdown();
        delivery.retryDue(leaseOver.plusSeconds(60));

        assertThat(outboxEntriesOf(id)).isEqualTo(1);
        JsonNode sent = message(id);
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        assertThat(kinds(sent)).containsOnlyOnce("SENT");
    }

    @Test
    void anEmailHandedOverAgainAfterACrashCarriesTheSameMessageId() throws Exception {
        MessageId id = sending.send(approval(Channel.EMAIL, email), emailTemplate, null, null);
        assertThat(messageIdsReceivedFor(id)).hasSize(1);
        // The node died after the mail server took the email and before SENT was written.
        jdbc.sql("update message set status = 'QUEUED', next_attempt_at = ? where tenant_id = ? and id = ?")
                .params(java.sql.Timestamp.from(Instant.now()), tenant.id().value(), id.value()).update();

        delivery.retryDue(Instant.now().plusSeconds(1));

        List<String> received = messageIdsReceivedFor(id);
        assertThat(received).hasSize(2);
        assertThat(Set.copyOf(received)).hasSize(1);
        assertThat(received.get(0)).startsWith("<" + id + "@");
        assertThat(message(id).get("attempts").asInt()).isEqualTo(2);
    }

    private List<String> messageIdsReceivedFor(MessageId id) {
        return Arrays.stream(mailServer.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (Exception e) {
                return "";
            }
        }).filter(header -> header != null && header.contains(id.toString())).toList();
    }

    private long outboxEntriesOf(MessageId id) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/sms-sandbox/outbox").json().get("items").forEach(e -> ids.add(e.get("messageId").asString()));
        return ids.stream().filter(id.toString()::equals).count();
    }

    private JsonNode message(MessageId id) {
        return api.get("/api/v1/messages/" + id).json();
    }

    private static List<String> kinds(JsonNode message) {
        List<String> kinds = new ArrayList<>();
        message.get("events").forEach(e -> kinds.add(e.get("kind").asString()));
        return kinds;
    }

    private static String detailOf(JsonNode message, String kind) {
        for (JsonNode event : message.get("events")) {
            if (event.get("kind").asString().equals(kind)) {
                return event.get("detail").asString();
            }
        }
        throw new AssertionError("no " + kind + " event in " + message);
    }

    private ApprovedContact approval(Channel channel, String address) {
        return new ApprovedContact(UUID.randomUUID(), tenant.id(), account, channel, address, "decision-" + UUID.randomUUID(),
                Instant.now());
    }

    private TemplateId template(String creditor, String channel, String body, String subject) {
        return new TemplateId(TestTemplates.create(api, creditor, channel, body, subject));
    }
}
