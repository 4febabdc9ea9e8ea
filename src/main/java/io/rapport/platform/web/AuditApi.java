package io.rapport.platform.web;

import io.rapport.platform.AuditEntry;
import io.rapport.platform.AuditLog;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's audit log for auditors' exports: every change with who, when, what, before and after. */
@RestController
@Tag(name = "Audit", description = "The append-only record of every change")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit-events")
    @Operation(summary = "Audit entries, newest first, optionally of one entity type (Account, ApiKey, ...)")
    CursorPage<AuditEntry> list(@RequestParam(required = false) String entityType,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return audit.read(CurrentActor.tenantId(), entityType, cursor, CursorPage.clampLimit(limit));
    }
}
