package io.rapport.compliance.web;

import io.rapport.accounts.AccountId;
import io.rapport.compliance.Decision;
import io.rapport.compliance.Outreach;
import io.rapport.compliance.Purpose;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.messaging.TemplateId;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Sending one message to an account: rendered, decided by the gate, then sent or refused with the reasons. */
@RestController
@Tag(name = "Outreach", description = "Messages to consumers, each decided by the contact gate first")
class OutreachApi {

    private final Outreach outreach;

    OutreachApi(Outreach outreach) {
        this.outreach = outreach;
    }

    record MessageRequest(UUID templateId, String address, Purpose purpose, PaymentRequestDetails payment, UUID campaignId) {
    }

    @PostMapping("/api/v1/accounts/{id}/messages")
    @Operation(summary = "Send a template to one of the account's addresses, if the contact gate allows it now",
            description = "Answers 201 with the message id when sent, 200 with the gate's reasons when blocked. "
                    + "The Idempotency-Key header is required: a retry answers the first outcome and sends nothing.")
    ResponseEntity<Outreach.Result> send(@PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody MessageRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidRequest.of("Idempotency-Key", "header is required when sending a message");
        }
        if (request.templateId() == null) {
            throw InvalidRequest.of("templateId", "is required");
        }
        Outreach.Result result = outreach.send(CurrentActor.get(), new Outreach.Request(AccountId.of(id),
                new TemplateId(request.templateId()), request.address(), request.purpose(), request.payment(),
                request.campaignId(), idempotencyKey.trim()));
        return ResponseEntity.status(result.decision().decision() == Decision.ALLOW ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }
}
