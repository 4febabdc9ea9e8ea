package io.rapport.accounts.web;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountHolds;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.AccountPlacement;
import io.rapport.accounts.AccountQuery;
import io.rapport.accounts.AccountStatus;
import io.rapport.accounts.AccountSummary;
import io.rapport.accounts.Accounts;
import io.rapport.accounts.HoldKind;
import io.rapport.accounts.Placement;
import io.rapport.accounts.PlacementOutcome;
import io.rapport.accounts.PlacementRules;
import io.rapport.accounts.TimelineEntry;
import io.rapport.consent.ConsentChannel;
import io.rapport.consent.Consents;
import io.rapport.consent.NewConsent;
import io.rapport.platform.Actor;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.CursorPage;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.InvalidRequest.FieldError;
import io.rapport.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The accounts part of the stable REST API: place, fetch, list, timeline, holds. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Consumers' accounts with itemized debts, contact points, consents and holds")
class AccountsApi {

    private final AccountPlacement placement;
    private final Accounts accounts;
    private final AccountHistory history;
    private final AccountHolds holds;
    private final Consents consents;
    private final Clock clock;

    AccountsApi(AccountPlacement placement, Accounts accounts, AccountHistory history, AccountHolds holds,
            Consents consents, Clock clock) {
        this.consents = consents;
        this.placement = placement;
        this.accounts = accounts;
        this.history = history;
        this.holds = holds;
        this.clock = clock;
    }

    @PostMapping
    @Transactional
    @Operation(summary = "Place an account", description = "Creates the account (201). Placing an existing externalRef "
            + "adds only new debts, contact points and consents (200) and never duplicates anything.")
    ResponseEntity<AccountDetails> place(@RequestBody PlaceAccountRequest request) {
        Actor actor = CurrentActor.get();
        List<FieldError> errors = new ArrayList<>();
        Placement p = request.toPlacement(errors);
        errors.addAll(PlacementRules.check(p, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
        if (!errors.isEmpty()) {
            // A number that did not parse is reported once, by the parser's more specific message.
            var seen = new java.util.HashSet<String>();
            throw new InvalidRequest(errors.stream().filter(e -> seen.add(e.field())).toList());
        }
        PlacementOutcome outcome = placement.placeAll(actor, List.of(p), "API").get(0);
        AccountDetails details = accounts.find(actor.tenantId(), outcome.accountId()).orElseThrow();
        HttpStatus status = outcome.result() == PlacementOutcome.Result.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).location(URI.create("/api/v1/accounts/" + outcome.accountId())).body(details);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An account with status, balance, debts, contact points, consents and holds")
    AccountDetails get(@PathVariable String id) {
        AccountId accountId = AccountId.of(id);
        return accounts.find(CurrentActor.tenantId(), accountId).orElseThrow(() -> new NotFound("account", id));
    }

    @GetMapping
    @Operation(summary = "List and search accounts, newest first",
            description = "q finds by consumer name, reference, phone (any format) or email.")
    CursorPage<AccountSummary> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) UUID creditorId, @RequestParam(required = false) AccountStatus status,
            @RequestParam(required = false) Long minBalance, @RequestParam(required = false) Long maxBalance,
            @RequestParam(required = false) Integer minDaysPastDue, @RequestParam(required = false) Integer maxDaysPastDue,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return accounts.search(CurrentActor.tenantId(),
                new AccountQuery(q, creditorId, status, minBalance, maxBalance, minDaysPastDue, maxDaysPastDue),
                cursor, CursorPage.clampLimit(limit));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Every interaction and event on the account, newest first")
    CursorPage<TimelineEntry> timeline(@PathVariable String id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        AccountId accountId = AccountId.of(id);
        var tenant = CurrentActor.tenantId();
        accounts.require(tenant, accountId);
        return history.list(tenant, accountId, cursor, CursorPage.clampLimit(limit));
    }

    record ConsentRequest(ConsentChannel channel, String address, Boolean granted, String source,
            java.time.Instant at, String textShown) {
    }

    record RevokeConsentRequest(String source) {
    }

    @PostMapping("/{id}/consents")
    @Transactional
    @Operation(summary = "Record a consent (or its refusal) with its evidence: source, time, the text the consumer saw")
    ResponseEntity<Map<String, UUID>> recordConsent(@PathVariable String id, @RequestBody ConsentRequest request) {
        Actor actor = CurrentActor.get();
        AccountId account = AccountId.of(id);
        accounts.require(actor.tenantId(), account);
        String address = request.address();
        if (request.channel() != null && request.channel() != ConsentChannel.LETTER && request.channel() != ConsentChannel.ESIGN) {
            if (request.channel() != ConsentChannel.EMAIL && address != null) {
                String e164 = io.rapport.accounts.PhoneNumbers.tryE164(address);
                address = e164 != null ? e164 : address;
            }
            if (address == null || !accounts.hasContactPoint(actor.tenantId(), account, address)) {
                throw InvalidRequest.of("address", "must be one of the consumer's contact points");
            }
        } else {
            address = null;
        }
        UUID consent = consents.record(actor, new NewConsent(account.value(), request.channel(), address,
                !Boolean.FALSE.equals(request.granted()), request.source(), request.at(), request.textShown()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", consent));
    }

    @PostMapping("/{id}/consents/{consentId}/revoke")
    @Operation(summary = "Revoke a consent, saying how the consumer revoked it")
    ResponseEntity<Void> revokeConsent(@PathVariable String id, @PathVariable UUID consentId,
            @RequestBody RevokeConsentRequest request) {
        Actor actor = CurrentActor.get();
        AccountId account = AccountId.of(id);
        accounts.require(actor.tenantId(), account);
        consents.revoke(actor, account.value(), consentId, request.source());
        return ResponseEntity.noContent().build();
    }

    /**
     * A hold or flag: {@code contactPointId} for EMPLOYER_EMAIL; {@code from}/{@code to} (HH:mm, the consumer's local
     * time) and/or {@code days} (MONDAY..SUNDAY) for INCONVENIENT_TIME; {@code place} (WORK) for INCONVENIENT_PLACE.
     */
    record PlaceHoldRequest(HoldKind kind, String reason, UUID debtId, UUID contactPointId, java.time.LocalTime from,
            java.time.LocalTime to, java.util.Set<java.time.DayOfWeek> days, io.rapport.accounts.InconvenientPlace place) {
    }

    record ReleaseHoldRequest(String reason) {
    }

    @PostMapping("/{id}/holds")
    @Operation(summary = "Place a hold or flag with the reason",
            description = "Holds: CEASE, ATTORNEY, DECEASED, BANKRUPTCY_FILED, BANKRUPTCY_DISCHARGED, CREDITOR_RECALL, OTHER. "
                    + "Disputes: DISPUTE (written), ORAL_DISPUTE. Flags: VERIFICATION_SENT and TIME_BARRED (a debt, or all), "
                    + "INCONVENIENT_TIME (from/to in the consumer's local time, optional days), INCONVENIENT_PLACE (place WORK), "
                    + "EMPLOYER_EMAIL (contactPointId of an email address).")
    ResponseEntity<Map<String, UUID>> placeHold(@PathVariable String id, @RequestBody PlaceHoldRequest request) {
        UUID hold = holds.place(CurrentActor.get(), AccountId.of(id), new io.rapport.accounts.NewHold(request.kind(),
                request.debtId(), request.contactPointId(), request.from(), request.to(), request.days(), request.place(),
                request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", hold));
    }

    @PostMapping("/{id}/holds/{holdId}/release")
    @Operation(summary = "Release an active hold or flag, saying why (reason is required)")
    ResponseEntity<Void> releaseHold(@PathVariable String id, @PathVariable UUID holdId,
            @RequestBody(required = false) ReleaseHoldRequest request) {
        holds.release(CurrentActor.get(), AccountId.of(id), holdId, request == null ? null : request.reason());
        return ResponseEntity.noContent().build();
    }
}
