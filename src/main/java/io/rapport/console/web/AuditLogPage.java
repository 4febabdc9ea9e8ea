package io.rapport.console.web;

import io.rapport.platform.AuditEntry;
import io.rapport.platform.AuditLog;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.CursorPage;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The tenant's audit log for admins and compliance staff: every change, newest first, with before and after. */
@Controller
class AuditLogPage {

    static final int PAGE_SIZE = 50;
    static final List<String> ENTITY_TYPES = List.of("Account", "ApiKey", "ConsoleUser", "Creditor");

    private final AuditLog audit;

    AuditLogPage(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    String read(@RequestParam(required = false) String entity, @RequestParam(required = false) String cursor,
            Model model) {
        String type = entity != null && ENTITY_TYPES.contains(entity) ? entity : null;
        CursorPage<AuditEntry> page;
        try {
            page = audit.read(CurrentActor.tenantId(), type, blankToNull(cursor), PAGE_SIZE);
        } catch (IllegalArgumentException badCursor) {
            page = audit.read(CurrentActor.tenantId(), type, null, PAGE_SIZE);
            cursor = null;
        }
        model.addAttribute("entries", page.items());
        model.addAttribute("entity", type);
        model.addAttribute("entityTypes", ENTITY_TYPES);
        model.addAttribute("paged", blankToNull(cursor) != null);
        model.addAttribute("firstPage", link(type, null));
        model.addAttribute("nextPage", page.nextCursor() == null ? null : link(type, page.nextCursor()));
        return "console/audit";
    }

    private static String link(String type, String cursor) {
        var link = UriComponentsBuilder.fromPath("/console/audit");
        if (type != null) {
            link.queryParam("entity", type);
        }
        if (cursor != null) {
            link.queryParam("cursor", cursor);
        }
        return link.encode().build().toUriString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
