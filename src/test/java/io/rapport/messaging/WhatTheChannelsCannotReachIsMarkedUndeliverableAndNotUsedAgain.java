package io.rapport.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.accounts.AccountId;
import io.rapport.platform.InvalidRequest;
import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTemplates;
import io.rapport.support.TestTenants;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A hard bounce, a returned letter and a carrier's permanent error mark the email address, the mailing address and
 * the phone number undeliverable (audited, on the timeline), and messaging refuses to send there again; a temporary
 * failure changes nothing.
 */
@RapportIntegrationTest
class WhatTheChannelsCannotReachIsMarkedUndeliverableAndNotUsedAgain {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MessageSending sending;

    private TestTenants.TestTenant tenant;
    private ApiClient api;
    private AccountId account;
    private String creditor;
    private String phone;
    private String email;

    @BeforeEach
    void anAccount() {
        tenant = tenants.create("Undeliverable " + UUID.randomUUID());
        api = new ApiClient(port, tenant.apiKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        phone = "+1410555" + String.format("%04d", Math.abs(suffix.hashCode()) % 10000);
        email = "ana." + suffix + "@example.com";
        ApiClient.Response placed = api.post("/api/v1/accounts", SamplePlacements.json("UND-" + suffix, "Ana", "Diaz", phone, email));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        account = new AccountId(UUID.fromString(placed.json().get("id").asString()));
        creditor = api.get("/api/v1/creditors").json().get("items").get(0).get("id").asString();
    }

    @Test
    void aHardBounceMarksTheEmailAddressUndeliverableAndNoEmailGoesThereAgain() {
        TemplateId template = template("EMAIL", "Hello {{consumer.firstName}}, please call us.", "About your account");
        MessageId sent = sending.send(approval(Channel.EMAIL, email), template, null, null);

        assertThat(bounce(sent, "452 4.2.2 mailbox full").status()).isEqualTo(200);
        assertThat(contactPoint(email).get("verification").asString()).as("a full mailbox may empty").isEqualTo("UNVERIFIED");

        assertThat(bounce(sent, "550 5.1.1 user unknown").status()).isEqualTo(200);
        JsonNode point = contactPoint(email);
        assertThat(point.get("verification").asString()).isEqualTo("UNDELIVERABLE");
        assertThat(point.get("undeliverable").get("reason").asString()).contains("the email bounced").contains("5.1.1 user unknown");
        assertThat(point.get("undeliverable").get("since").asString()).isNotBlank();
        assertThat(timeline()).contains("contact-point.undeliverable").contains("marked undeliverable: the email bounced")
                .doesNotContain(email);
        assertThat(api.get("/api/v1/audit-events?entityType=Account").body()).contains("contact-point.undeliverable");
        assertThat(contactPoint(phone).get("verification").asString()).isEqualTo("UNVERIFIED");

        InvalidRequest refused = catchThrowableOfType(InvalidRequest.class,
                () -> sending.send(approval(Channel.EMAIL, email.toUpperCase()), template, null, null));
        assertThat(refused.errors().get(0).field()).isEqualTo("address");
        assertThat(refused.errors().get(0).message()).contains("undeliverable").contains("the email bounced");
    }

    @Test
    void aReturnedLetterMarksTheMailingAddressUndeliverableAndNoLetterGoesThereAgain() {
        TemplateId template = template("LETTER", "Dear {{consumer.name}}, please call us.", null);
        MessageId letter = sending.send(approval(Channel.LETTER, null), template, null, null);
        assertThat(api.post("/api/v1/print-batches", "{}").status()).isEqualTo(201);

        assertThat(api.post("/api/v1/messages/" + letter + "/returned", "{\"reason\": \"addressee unknown\"}").status()).isEqualTo(200);

        JsonNode details = api.get("/api/v1/accounts/" + account).json();
        assertThat(details.get("addressStatus").asString()).isEqualTo("UNDELIVERABLE");
        assertThat(details.get("addressUndeliverable").get("reason").asString()).isEqualTo("a letter came back (addressee unknown)");
        assertThat(timeline()).contains("address.undeliverable").contains("Mailing address marked undeliverable");
        InvalidRequest refused = catchThrowableOfType(InvalidRequest.class,
                () -> sending.send(approval(Channel.LETTER, null), template, null, null));
        assertThat(refused.errors().get(0).field()).isEqualTo("address");
        assertThat(refused.errors().get(0).message()).contains("mailing address is undeliverable");
    }

    @Test
    void aCarriersPermanentErrorMarksTheNumberUndeliverableButAPhoneSwitchedOffDoesNot() {
        TemplateId template = template("SMS", "Hi {{consumer.firstName}}, please call us.", null);
        MessageId first = sending.send(approval(Channel.SMS, phone), template, null, null);
        assertThat(receipt(first, "{\"status\": \"FAILED\", \"reason\": \"30003 unreachable handset\"}")).isEqualTo(204);
        assertThat(contactPoint(phone).get("verification").asString()).isEqualTo("UNVERIFIED");

        MessageId second = sending.send(approval(Channel.SMS, phone), template, null, null);
        assertThat(receipt(second, "{\"status\": \"UNDELIVERED\", \"reason\": \"30005 unknown destination handset\", \"permanent\": true}"))
                .isEqualTo(204);

        JsonNode point = contactPoint(phone);
        assertThat(point.get("verification").asString()).isEqualTo("UNDELIVERABLE");
        assertThat(point.get("undeliverable").get("reason").asString()).contains("30005 unknown destination handset");
        assertThat(api.get("/api/v1/messages/" + second).json().get("status").asString()).isEqualTo("FAILED");
        assertThat(timeline()).contains("Phone number").contains("marked undeliverable: the carrier could not deliver a text");
        InvalidRequest refused = catchThrowableOfType(InvalidRequest.class,
                () -> sending.send(approval(Channel.SMS, phone), template, null, null));
        assertThat(refused.errors().get(0).field()).isEqualTo("address");
        assertThat(api.post("/api/v1/sms-sandbox/messages/" + second + "/receipt", "{\"status\": \"LOST\"}").status()).isEqualTo(400);
    }

    private ApiClient.Response bounce(MessageId message, String reason) {
        return api.post("/api/v1/email-events", "{\"messageId\": \"<" + message + "@rapport.example>\", \"type\": \"BOUNCE\", "
                + "\"reason\": \"" + reason + "\"}");
    }

    private int receipt(MessageId message, String json) {
        return api.post("/api/v1/sms-sandbox/messages/" + message + "/receipt", json).status();
    }

    private JsonNode contactPoint(String value) {
        for (JsonNode point : api.get("/api/v1/accounts/" + account).json().get("contactPoints")) {
            if (point.get("value").asString().equals(value)) {
                return point;
            }
        }
        throw new AssertionError("no contact point " + value);
    }

    private String timeline() {
        return api.get("/api/v1/accounts/" + account + "/timeline").body();
    }

    private ApprovedContact approval(Channel channel, String address) {
        return new ApprovedContact(UUID.randomUUID(), tenant.id(), account, channel, address, "decision-" + UUID.randomUUID(),
                Instant.now());
    }

    private TemplateId template(String channel, String body, String subject) {
        return new TemplateId(TestTemplates.create(api, creditor, channel, body, subject));
    }
}
