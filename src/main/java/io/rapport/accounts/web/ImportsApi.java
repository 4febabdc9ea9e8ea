package io.rapport.accounts.web;

import io.rapport.accounts.AccountImports;
import io.rapport.accounts.ImportStatus;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Spreadsheet imports of placements, as the import contract describes them. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Placement files (CSV or XLSX), processed in the background")
class ImportsApi {

    private final AccountImports imports;

    ImportsApi(AccountImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/accounts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a placement file", description = "Answers 202 with the import's id; "
            + "follow its progress with GET /api/v1/imports/{id}.")
    ResponseEntity<Map<String, UUID>> importAccounts(@RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null) {
            throw InvalidRequest.of("file", "is required: send the placement file as the multipart part 'file'");
        }
        if (file.isEmpty()) {
            throw InvalidRequest.of("file", "is empty");
        }
        try {
            UUID id = imports.start(CurrentActor.get(), file.getOriginalFilename(), file.getInputStream());
            return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id)).body(Map.of("id", id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's status, counts, progress and first rejected rows")
    ImportStatus status(@PathVariable UUID id) {
        return imports.status(CurrentActor.tenantId(), id).orElseThrow(() -> new NotFound("import", id));
    }

    @GetMapping(path = "/{id}/errors.csv", produces = "text/csv")
    @Operation(summary = "Every rejected row of an import as CSV: row, column, reason")
    void errorReport(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        var tenant = CurrentActor.tenantId();
        if (imports.status(tenant, id).isEmpty()) {
            throw new NotFound("import", id);
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        imports.writeErrorReport(tenant, id, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
