package io.rapport.messaging.web;

import io.rapport.messaging.MessageId;
import io.rapport.messaging.SmsDeliveryReports;
import io.rapport.messaging.SmsOutbox;
import io.rapport.messaging.SmsReplies;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox SMS provider: read its outbox, and play the network and the consumer (delivery receipts, replies). */
@RestController
@RequestMapping("/api/v1/sms-sandbox")
@Tag(name = "SMS sandbox", description = "Simulated delivery receipts and consumer replies for the sandbox SMS provider")
class SmsSandboxApi {

    /** {@code permanent}: the carrier's error will not pass (unknown or disconnected number, landline). */
    record Receipt(String status, String reason, Boolean permanent) {
    }

    record Reply(String from, String body) {
    }

    private final SmsOutbox outbox;
    private final SmsDeliveryReports reports;
    private final SmsReplies replies;

    SmsSandboxApi(SmsOutbox outbox, SmsDeliveryReports reports, SmsReplies replies) {
        this.outbox = outbox;
        this.reports = reports;
        this.replies = replies;
    }

    @GetMapping("/outbox")
    @Operation(summary = "The newest texts the sandbox provider took")
    Map<String, List<SmsOutbox.Entry>> outbox() {
        return Map.of("items", outbox.latest(CurrentActor.tenantId(), 100));
    }

    @PostMapping("/messages/{id}/receipt")
    @Operation(summary = "Simulate the network's delivery receipt: DELIVERED, or FAILED / UNDELIVERED (with permanent: true "
            + "for a carrier error that will not pass, which marks the number undeliverable)")
    ResponseEntity<Void> receipt(@PathVariable UUID id, @RequestBody Receipt body) {
        if (body.status() == null || !java.util.Set.of("DELIVERED", "FAILED", "UNDELIVERED").contains(body.status())) {
            throw InvalidRequest.of("status", "must be DELIVERED, FAILED or UNDELIVERED");
        }
        reports.report(CurrentActor.tenantId(), new MessageId(id), body.status().equals("DELIVERED"), body.reason(),
                Boolean.TRUE.equals(body.permanent()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/replies")
    @Operation(summary = "Simulate a consumer's text reply, e.g. STOP")
    ResponseEntity<Map<String, Object>> reply(@RequestBody Reply body) {
        if (body.from() == null || !body.from().matches("\\+[1-9][0-9]{6,14}")) {
            throw InvalidRequest.of("from", "must be a phone number in E.164, e.g. +13015550123");
        }
        if (body.body() == null || body.body().isBlank() || body.body().length() > 1600) {
            throw InvalidRequest.of("body", "is required, at most 1600 characters");
        }
        SmsReplies.Outcome outcome = replies.receive(CurrentActor.tenantId(), body.from(), body.body());
        Map<String, Object> answer = new HashMap<>();
        answer.put("matched", outcome.matched());
        answer.put("intent", outcome.intent());
        if (outcome.matched()) {
            answer.put("accountId", outcome.account().value());
            answer.put("messageId", outcome.reply().value());
        }
        return ResponseEntity.accepted().body(answer);
    }
}
