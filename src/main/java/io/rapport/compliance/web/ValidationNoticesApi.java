package io.rapport.compliance.web;

import io.rapport.accounts.AccountId;
import io.rapport.compliance.NoticeLanguage;
import io.rapport.compliance.ScheduledNotice;
import io.rapport.compliance.ValidationNoticeDelivery;
import io.rapport.compliance.ValidationNotices;
import io.rapport.platform.Conflict;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import io.rapport.platform.Actor;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The validation notice of a debt, as the PDF letter or the HTML email, for the day it is sent. */
@RestController
@RequestMapping("/api/v1/accounts/{id}")
@Tag(name = "Compliance", description = "The contact gate, the validation period and validation notices")
class ValidationNoticesApi {

    private final ValidationNotices notices;
    private final ValidationNoticeDelivery delivery;

    ValidationNoticesApi(ValidationNotices notices, ValidationNoticeDelivery delivery) {
        this.notices = notices;
        this.delivery = delivery;
    }

    record SendRequest(ValidationNotices.Delivery channel) {
    }

    @PostMapping("/debts/{debtId}/validation-notice")
    @Operation(summary = "Send the debt's validation notice now, through the contact gate",
            description = "channel LETTER or EMAIL; without it, email when the consumer gave E-SIGN consent, otherwise a "
                    + "letter in the next print batch. 201 when sent, 200 with the gate's reasons when blocked (the notice "
                    + "stays scheduled), 409 when already sent, when the itemization does not add up, or for EMAIL without "
                    + "E-SIGN consent (ESIGN-01).")
    ResponseEntity<ValidationNoticeDelivery.Attempt> send(@PathVariable String id, @PathVariable String debtId,
            @RequestBody(required = false) SendRequest request) {
        ValidationNoticeDelivery.Attempt attempt = delivery.sendNow(CurrentActor.get(), new AccountId(uuid("account", id)),
                uuid("debt", debtId), request == null ? null : request.channel());
        if (attempt.refused()) {
            throw new Conflict(attempt.notice().problem());
        }
        return ResponseEntity.status(attempt.sent() ? HttpStatus.CREATED : HttpStatus.OK).body(attempt);
    }

    @GetMapping("/validation-notices")
    @Operation(summary = "The account's validation notices: scheduled (due by), sent (how, when, validation period end) "
            + "or refused (why)")
    Map<String, List<ScheduledNotice>> list(@PathVariable String id) {
        return Map.of("items", delivery.forAccount(CurrentActor.tenantId(), new AccountId(uuid("account", id))));
    }

    @GetMapping(value = "/debts/{debtId}/validation-notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The Model Form B-1 validation notice of a debt as a PDF letter",
            description = "sentOn (YYYY-MM-DD) is the day it is mailed and sets the validation period's end; language is en "
                    + "or es (default: the consumer's). 409 when the itemization does not add up.")
    ResponseEntity<byte[]> letter(@PathVariable String id, @PathVariable String debtId,
            @RequestParam(required = false) String sentOn, @RequestParam(required = false) String language) {
        Request r = read(id, debtId, sentOn, language);
        byte[] pdf = notices.letter(r.actor(), r.account(), r.debt(), r.sentOn(), r.language());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"validation-notice-" + r.debt() + ".pdf\"")
                .body(pdf);
    }

    @GetMapping(value = "/debts/{debtId}/validation-notice.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The Model Form B-1 validation notice of a debt as an accessible HTML email",
            description = "Refused with 409 (ESIGN-01) when the consumer has no E-SIGN consent in force: send it by mail.")
    ResponseEntity<String> email(@PathVariable String id, @PathVariable String debtId,
            @RequestParam(required = false) String sentOn, @RequestParam(required = false) String language) {
        Request r = read(id, debtId, sentOn, language);
        String html = notices.email(r.actor(), r.account(), r.debt(), r.sentOn(), r.language());
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }

    private record Request(Actor actor, AccountId account, UUID debt, LocalDate sentOn, NoticeLanguage language) {
    }

    private static Request read(String id, String debtId, String sentOn, String language) {
        Actor actor = CurrentActor.get();
        UUID account = uuid("account", id);
        UUID debt = uuid("debt", debtId);
        if (sentOn == null || sentOn.isBlank()) {
            throw InvalidRequest.of("sentOn", "is required, as YYYY-MM-DD: the day the notice is sent");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(sentOn.trim());
        } catch (DateTimeException e) {
            throw InvalidRequest.of("sentOn", "'" + sentOn + "' is not a date (YYYY-MM-DD)");
        }
        NoticeLanguage chosen = null;
        if (language != null && !language.isBlank()) {
            chosen = NoticeLanguage.of(language)
                    .orElseThrow(() -> InvalidRequest.of("language", "'" + language + "' is not a notice language: en or es"));
        }
        return new Request(actor, new AccountId(account), debt, day, chosen);
    }

    /** An id that is not even a UUID names nothing in the tenant: 404, like any unknown id. */
    private static UUID uuid(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound(what, value);
        }
    }
}
