package io.rapport.campaigns.web;

import io.rapport.campaigns.BulkSendStatus;
import io.rapport.campaigns.BulkSends;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk sends of payment requests from a spreadsheet, as the API contract describes them. */
@RestController
@RequestMapping("/api/v1/bulk-sends")
@Tag(name = "Bulk sends", description = "A payment request per spreadsheet row, each sent after the contact gate allows")
class BulkSendsApi {

    private final BulkSends bulkSends;

    BulkSendsApi(BulkSends bulkSends) {
        this.bulkSends = bulkSends;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Send a payment request to every account of a spreadsheet",
            description = "Multipart: `file` (CSV or XLSX with the columns of the import contract's \"Bulk sends\": account_ref, "
                    + "optional amount, channel, settlement_amount, settlement_valid_until; any other column is the merge field "
                    + "`{{row.<column>}}`), `template` (the creditor template name; without it the standard `payment-request` "
                    + "wording), `expiresInDays` (1-180, default 14) and `confirm` (default false: the file is checked and "
                    + "sending starts at once; true: the bulk send waits in PREVIEW for POST /api/v1/bulk-sends/{id}/confirm). "
                    + "Answers 202 with the id; follow it with GET /api/v1/bulk-sends/{id}.")
    ResponseEntity<Map<String, UUID>> start(@RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "template", required = false) String template,
            @RequestParam(name = "expiresInDays", required = false) String expiresInDays,
            @RequestParam(name = "confirm", required = false) Boolean confirm) {
        if (file == null) {
            throw InvalidRequest.of("file", "is required: send the spreadsheet as the multipart part 'file'");
        }
        if (file.isEmpty()) {
            throw InvalidRequest.of("file", "is empty");
        }
        Integer days;
        try {
            days = expiresInDays == null || expiresInDays.isBlank() ? null : Integer.valueOf(expiresInDays.trim());
        } catch (NumberFormatException e) {
            throw InvalidRequest.of("expiresInDays", "must be a whole number of days");
        }
        try {
            UUID id = bulkSends.start(CurrentActor.get(), file.getOriginalFilename(), file.getInputStream(), template, days,
                    Boolean.TRUE.equals(confirm));
            return ResponseEntity.accepted().location(URI.create("/api/v1/bulk-sends/" + id)).body(Map.of("id", id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "A bulk send's status, counts, progress and first rejected rows",
            description = "`status`: VALIDATING, PREVIEW (awaiting confirmation), SENDING, DONE, FAILED or CANCELLED. `progress` "
                    + "is a fraction from 0 to 1 (not a percentage): while VALIDATING, of the file read; afterwards, of the "
                    + "accepted rows handled. `total` = `accepted` + `rejected`; `accepted` = `pending` + `sent` + `blocked` + "
                    + "`failed`. `errors` lists the first 100 rejected rows (row 1 = the first data row) with column and "
                    + "reason; GET .../errors.csv has all of them. `preview` is what the contact gate would decide now, "
                    + "present when the send was started with confirm=true.")
    BulkSendStatus status(@PathVariable UUID id) {
        return bulkSends.status(CurrentActor.tenantId(), id).orElseThrow(() -> new NotFound("bulk send", id));
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Start sending a bulk send that waits in PREVIEW", description = "Answers 202; 409 when it is not in PREVIEW.")
    ResponseEntity<Void> confirm(@PathVariable UUID id) {
        bulkSends.confirm(CurrentActor.get(), id);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Stop a bulk send", description = "Nothing more is sent; what was sent stays sent. 409 when it has finished.")
    ResponseEntity<Void> cancel(@PathVariable UUID id) {
        bulkSends.cancel(CurrentActor.get(), id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping(path = "/{id}/errors.csv", produces = "text/csv")
    @Operation(summary = "Every rejected row of a bulk send as CSV: row, column, reason")
    void errorReport(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        var tenant = CurrentActor.tenantId();
        if (bulkSends.status(tenant, id).isEmpty()) {
            throw new NotFound("bulk send", id);
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"bulk-send-" + id + "-errors.csv\"");
        bulkSends.writeErrorReport(tenant, id, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
