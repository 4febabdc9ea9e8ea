package io.rapport.campaigns;

import static io.rapport.campaigns.BulkSendFixtures.awaitStatus;
import static io.rapport.campaigns.BulkSendFixtures.csv;
import static io.rapport.campaigns.BulkSendFixtures.mailsTo;
import static io.rapport.campaigns.BulkSendFixtures.messagesTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.rapport.campaigns.BulkSendFixtures.Consumer;
import io.rapport.support.ApiClient;
import io.rapport.support.Eventually;
import io.rapport.support.ElevenInTheMorningInMaryland;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.TestTenants;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node dies in the middle of a bulk send: three rows were sent, a fourth had its payment request (and message)
 * made but its row not marked done, the rest were untouched. The resumption job, run later on any node, finishes the
 * send: every consumer gets exactly one message, and resuming again sends nothing more.
 */
@RapportIntegrationTest
@Import(ElevenInTheMorningInMaryland.class)
class ABulkSendInterruptedByACrashIsResumedWithoutSendingAnyoneTwiceTests {

    static final Instant LATER = ElevenInTheMorningInMaryland.NOW.plus(BulkSends.STALE_AFTER).plus(Duration.ofMinutes(1));

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    BulkSends bulkSends;

    @Autowired
    BulkSendDelivery delivery;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyConsumerGetsExactlyOneMessageAndTheTotalsAddUp() {
        TestTenants.TestTenant tenant = tenants.create("Crash tests");
        ApiClient api = new ApiClient(port, tenant.apiKey());
        List<Consumer> consumers = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>(List.of(List.of("account_ref", "channel")));
        for (int i = 0; i < 6; i++) {
            Consumer consumer = BulkSendFixtures.place(api, "Crash" + i);
            consumers.add(consumer);
            rows.add(List.of(consumer.ref(), i % 2 == 0 ? "EMAIL" : "SMS"));
        }
        UUID id = bulkSends.start(tenant.system(), "crash.csv",
                new ByteArrayInputStream(csv(rows).getBytes(StandardCharsets.UTF_8)), null, null, true);
        awaitStatus(() -> status(tenant, id), "PREVIEW");

        // The node sends three rows and dies.
        delivery.stopNextRunAfter(3);
        bulkSends.confirm(tenant.system(), id);
        awaitHandled(tenant, id, 3);
        // The fourth row's request was made and sent, but the node died before marking the row.
        BulkSends.Job job = bulkSends.job(id);
        BulkSendDelivery.Item fourth = delivery.pending(job, 3, 1).get(0);
        assertThat(fourth.row()).isEqualTo(4);
        delivery.createRequest(job, fourth);
        BulkSendStatus crashed = status(tenant, id);
        assertThat(crashed.status()).isEqualTo("SENDING");
        assertThat(crashed.pending()).isEqualTo(3);

        assertThat(bulkSends.resumeStale(ElevenInTheMorningInMaryland.NOW)).as("the heartbeat is still fresh").isZero();
        assertThat(bulkSends.resumeStale(LATER)).isEqualTo(1);
        BulkSendStatus done = awaitStatus(() -> status(tenant, id), "DONE");

        assertThat(done.sent()).isEqualTo(6);
        assertThat(done.sent() + done.blocked() + done.failed() + done.pending()).isEqualTo(done.accepted());
        assertThat(done.total()).isEqualTo(done.accepted() + done.rejected());
        assertExactlyOneMessageEach(api, id, consumers);
        assertThat(jdbc.sql("select count(*) from payment_request where tenant_id = ? and source_key like ?")
                .params(tenant.id().value(), "bulk:" + id + ":%").query(Long.class).single()).isEqualTo(6);

        // Resuming the same bulk send again, even with every row forgotten, sends nothing twice.
        jdbc.sql("update bulk_send_item set status = 'PENDING', payment_request_id = null where bulk_send_id = ?").param(id).update();
        jdbc.sql("update bulk_send set status = 'SENDING', finished_at = null where id = ?").param(id).update();
        assertThat(bulkSends.resumeStale(LATER.plus(Duration.ofMinutes(5)))).isEqualTo(1);
        assertThat(bulkSends.resumeStale(LATER.plus(Duration.ofMinutes(5)))).as("already claimed").isZero();
        BulkSendStatus again = awaitStatus(() -> status(tenant, id), "DONE");
        assertThat(again.sent()).isEqualTo(6);
        assertExactlyOneMessageEach(api, id, consumers);
    }

    private void assertExactlyOneMessageEach(ApiClient api, UUID id, List<Consumer> consumers) {
        for (Consumer consumer : consumers) {
            assertThat(messagesTo(jdbc, id, consumer.account())).as(consumer.ref()).isEqualTo(1);
        }
        // Each message reaches the mail server or the SMS provider once its transaction has committed.
        Eventually.holds(() -> {
            var outbox = api.get("/api/v1/sms-sandbox/outbox").json().get("items");
            for (int i = 0; i < consumers.size(); i++) {
                Consumer consumer = consumers.get(i);
                if (i % 2 == 0) {
                    assertThat(mailsTo(mailServer, consumer.email())).as(consumer.email()).isEqualTo(1);
                } else {
                    assertThat(outbox.valueStream().filter(text -> text.get("to").asString().equals(consumer.phone())).count())
                            .as(consumer.phone()).isEqualTo(1);
                }
            }
        });
    }

    private BulkSendStatus status(TestTenants.TestTenant tenant, UUID id) {
        return bulkSends.status(tenant.id(), id).orElseThrow();
    }

    private void awaitHandled(TestTenants.TestTenant tenant, UUID id, long handled) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            BulkSendStatus status = status(tenant, id);
            if (status.accepted() - status.pending() >= handled) {
                return;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("only " + (status.accepted() - status.pending()) + " rows were handled: " + status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
