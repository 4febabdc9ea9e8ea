package io.rapport.compliance.web;

import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.compliance.Channel;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.ContactAvailability;
import io.rapport.compliance.ContactDecisions;
import io.rapport.compliance.ContactLedger;
import io.rapport.compliance.Direction;
import io.rapport.compliance.GateDecision;
import io.rapport.compliance.Outcome;
import io.rapport.compliance.Purpose;
import io.rapport.platform.Actor;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.InvalidRequest.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Contacts with a real account: may we contact now, and the ledger of attempts and outcomes. */
@RestController
@RequestMapping("/api/v1/accounts/{id}")
@Tag(name = "Contacts", description = "The gate's answers for an account and its contact ledger")
class ContactsApi {

    private final ContactDecisions decisions;
    private final ContactLedger ledger;
    private final Accounts accounts;
    private final AccountHistory history;
    private final Clock clock;

    ContactsApi(ContactDecisions decisions, ContactLedger ledger, Accounts accounts, AccountHistory history, Clock clock) {
        this.decisions = decisions;
        this.ledger = ledger;
        this.accounts = accounts;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/contact-availability")
    @Operation(summary = "May we contact this consumer now? The gate's decision for each channel and address, "
            + "with the reasons and when a time-blocked channel opens")
    Map<String, List<ContactAvailability>> availability(@PathVariable String id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Instant at) {
        var tenant = CurrentActor.tenantId();
        AccountId account = AccountId.of(id);
        return Map.of("items", at == null ? decisions.now(tenant, account) : decisions.at(tenant, account, at));
    }

    record AttemptRequest(Instant at, Channel channel, Direction direction, String to, List<String> debtIds, Outcome outcome) {
    }

    @PostMapping("/contact-attempts")
    @Transactional
    @Operation(summary = "Record a contact attempt and its outcome (a dialer's call result, an inbound call, a letter "
            + "sent), so the frequency rules count it")
    ResponseEntity<Map<String, Object>> record(@PathVariable String id, @RequestBody AttemptRequest request) {
        Actor actor = CurrentActor.get();
        AccountId account = AccountId.of(id);
        accounts.require(actor.tenantId(), account);
        List<FieldError> errors = new ArrayList<>();
        if (request.channel() == null) {
            errors.add(new FieldError("channel", "is required"));
        }
        if (request.direction() == null) {
            errors.add(new FieldError("direction", "is required: OUTBOUND or INBOUND"));
        }
        if (request.outcome() == null) {
            errors.add(new FieldError("outcome", "is required"));
        }
        Instant at = request.at() == null ? clock.instant() : request.at();
        if (at.isAfter(clock.instant().plusSeconds(60))) {
            errors.add(new FieldError("at", "is in the future: record attempts that happened"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        ContactAttempt attempt = new ContactAttempt(at, request.channel(), request.direction(), request.to(),
                request.debtIds(), request.outcome());
        // An outbound attempt keeps what the gate would have said at that moment, for the auditors.
        GateDecision decision = request.direction() == Direction.OUTBOUND
                ? decisions.decide(actor.tenantId(), account, request.channel(), request.to(), Purpose.COLLECTION, null, at)
                : null;
        UUID attemptId = ledger.record(actor, account.value(), attempt, decision);
        history.record(actor, account, "CONTACT_" + request.direction(),
                request.channel() + " " + request.direction().name().toLowerCase() + ": " + request.outcome(), at);
        return ResponseEntity.status(HttpStatus.CREATED).body(decision == null ? Map.of("id", attemptId)
                : Map.of("id", attemptId, "decision", decision));
    }
}
