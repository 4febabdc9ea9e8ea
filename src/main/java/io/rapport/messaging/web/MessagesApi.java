package io.rapport.messaging.web;

import io.rapport.messaging.EventKind;
import io.rapport.messaging.Message;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.MessageTracking;
import io.rapport.messaging.PrintBatches;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messages and their events, campaign counts, mail feedback, returned letters and print batches. */
@RestController
@Tag(name = "Messages", description = "Messages, their tracking events, bounces, complaints, letters and print batches")
class MessagesApi {

    record MailFeedbackRequest(String messageId, MessageTracking.MailFeedback type, String reason) {
    }

    record Returned(String reason) {
    }

    private final MessageTracking tracking;
    private final PrintBatches batches;

    MessagesApi(MessageTracking tracking, PrintBatches batches) {
        this.tracking = tracking;
        this.batches = batches;
    }

    @GetMapping("/api/v1/messages/{id}")
    @Operation(summary = "A message with every event that happened to it")
    Message get(@PathVariable UUID id) {
        return tracking.find(CurrentActor.tenantId(), new MessageId(id)).orElseThrow(() -> new NotFound("message", id));
    }

    @GetMapping("/api/v1/message-counts")
    @Operation(summary = "How many of a campaign's messages were sent, delivered, opened, clicked, replied to, failed...")
    Map<String, Object> counts(@RequestParam UUID campaignId) {
        Map<EventKind, Long> counts = tracking.counts(CurrentActor.tenantId(), campaignId);
        return Map.of("campaignId", campaignId, "counts", counts);
    }

    @PostMapping("/api/v1/email-events")
    @Operation(summary = "Report a bounce or a spam complaint for an email by its Message-ID")
    Map<String, Object> mailFeedback(@RequestBody MailFeedbackRequest body) {
        if (body.messageId() == null || body.type() == null) {
            throw InvalidRequest.of(body.messageId() == null ? "messageId" : "type", "is required");
        }
        MessageId id = tracking.mailFeedback(CurrentActor.tenantId(), body.messageId(), body.type(), body.reason());
        return Map.of("message", id.value(), "recorded", body.type());
    }

    @PostMapping("/api/v1/messages/{id}/returned")
    @Operation(summary = "A letter came back as undeliverable")
    Message returned(@PathVariable UUID id, @RequestBody(required = false) Returned body) {
        tracking.letterReturned(CurrentActor.tenantId(), new MessageId(id), body == null ? null : body.reason());
        return get(id);
    }

    @GetMapping(value = "/api/v1/messages/{id}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        return file(batches.letterPdf(CurrentActor.tenantId(), new MessageId(id)), "letter-" + id + ".pdf", MediaType.APPLICATION_PDF);
    }

    @PostMapping("/api/v1/print-batches")
    @Operation(summary = "Make a print batch now from every queued letter (the daily job does the same)")
    ResponseEntity<Object> makeBatch() {
        return batches.make(CurrentActor.tenantId()).<ResponseEntity<Object>>map(b -> ResponseEntity.status(201).body(b))
                .orElseGet(() -> ResponseEntity.ok(Map.of("letters", 0)));
    }

    @GetMapping("/api/v1/print-batches")
    Map<String, List<PrintBatches.Batch>> listBatches() {
        return Map.of("items", batches.list(CurrentActor.tenantId()));
    }

    @GetMapping(value = "/api/v1/print-batches/{id}/letters.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> batchPdf(@PathVariable UUID id) {
        return file(batches.pdf(CurrentActor.tenantId(), id), "letters-" + id + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping(value = "/api/v1/print-batches/{id}/manifest.csv", produces = "text/csv")
    ResponseEntity<byte[]> manifest(@PathVariable UUID id) {
        return file(batches.manifest(CurrentActor.tenantId(), id), "manifest-" + id + ".csv",
                MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    private static ResponseEntity<byte[]> file(byte[] content, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
    }
}
