package io.rapport.campaigns.web;

import io.rapport.accounts.AccountId;
import io.rapport.campaigns.NewPaymentRequest;
import io.rapport.campaigns.PaymentRequest;
import io.rapport.campaigns.PaymentRequestId;
import io.rapport.campaigns.PaymentRequests;
import io.rapport.messaging.Channel;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.Money;
import io.rapport.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Payment requests per the API contract: created with a portal link, sent on channels the gate allows. */
@RestController
@Tag(name = "Payment requests", description = "Expiring portal links asking a consumer to pay, sent after the contact gate allows")
class PaymentRequestsApi {

    private final PaymentRequests requests;

    PaymentRequestsApi(PaymentRequests requests) {
        this.requests = requests;
    }

    record CreateRequest(String accountId, Money amount, List<Channel> channels, Instant expiresAt, Boolean allowPlans,
            PaymentRequest.SettlementOffer settlementOffer) {
    }

    record SendRequest(List<Channel> channels) {
    }

    @PostMapping("/api/v1/payment-requests")
    @Operation(summary = "Create a payment request and send it on the chosen channels",
            description = "Answers 201 with the portal link, the status (CREATED when no channel was asked for, SENT, PARTLY_SENT "
                    + "or BLOCKED) and, per channel, the contact gate's decision and the message id. Without `channels` the "
                    + "consumer's preferred channel is used; `\"channels\": []` creates the link without sending it. Without "
                    + "`amount` the balance is asked; without `expiresAt` the link lasts 14 days. Idempotency-Key is required.")
    ResponseEntity<PaymentRequest> create(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody CreateRequest body) {
        requireKey(idempotencyKey);
        if (body.accountId() == null || body.accountId().isBlank()) {
            throw InvalidRequest.of("accountId", "is required");
        }
        AccountId account;
        try {
            account = AccountId.of(body.accountId());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("accountId", "is not an account id");
        }
        PaymentRequest created = requests.create(CurrentActor.get(), NewPaymentRequest.of(account, body.amount(), body.channels(),
                body.expiresAt(), body.allowPlans() == null || body.allowPlans(), body.settlementOffer()));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/api/v1/payment-requests/{id}")
    @Operation(summary = "A payment request with its status and every send's decision")
    PaymentRequest get(@PathVariable String id) {
        PaymentRequestId requestId = PaymentRequestId.of(id);
        return requests.find(CurrentActor.get().tenantId(), requestId).orElseThrow(() -> new NotFound("payment request", requestId));
    }

    @PostMapping("/api/v1/payment-requests/{id}/send")
    @Operation(summary = "Send an open payment request now on the given channels (e.g. by text during a call)",
            description = "Each channel is decided by the contact gate. Idempotency-Key is required: a retry sends nothing again.")
    PaymentRequest send(@PathVariable String id, @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody SendRequest body) {
        requireKey(idempotencyKey);
        return requests.sendNow(CurrentActor.get(), PaymentRequestId.of(id), body.channels(), idempotencyKey);
    }

    @GetMapping("/api/v1/accounts/{id}/payment-requests")
    @Operation(summary = "The account's payment requests, newest first")
    Map<String, List<PaymentRequest>> forAccount(@PathVariable String id) {
        AccountId account;
        try {
            account = AccountId.of(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("id", "is not an account id");
        }
        return Map.of("items", requests.forAccount(CurrentActor.get().tenantId(), account));
    }

    private static void requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidRequest.of("Idempotency-Key", "header is required: it makes a retried request send nothing twice");
        }
    }
}
