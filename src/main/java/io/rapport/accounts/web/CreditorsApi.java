package io.rapport.accounts.web;

import io.rapport.accounts.Creditor;
import io.rapport.accounts.Creditors;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.InvalidRequest.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's creditor clients and the branding their consumers see. */
@RestController
@RequestMapping("/api/v1/creditors")
@Tag(name = "Creditors", description = "Creditor clients and their branding")
class CreditorsApi {

    private final Creditors creditors;

    CreditorsApi(Creditors creditors) {
        this.creditors = creditors;
    }

    @GetMapping
    @Operation(summary = "The tenant's creditor clients with their branding")
    Map<String, List<Creditor>> list() {
        return Map.of("items", creditors.list(CurrentActor.tenantId()));
    }

    @PutMapping("/{id}/branding")
    @Operation(summary = "Replace a creditor's branding: logo, colours, sender, support line, licences, dispute address")
    Creditor updateBranding(@PathVariable UUID id, @RequestBody Creditor.Branding branding) {
        List<FieldError> errors = new ArrayList<>();
        color(errors, "primaryColor", branding.primaryColor());
        color(errors, "accentColor", branding.accentColor());
        if (branding.logoUrl() != null && !branding.logoUrl().matches("https://\\S{1,490}")) {
            errors.add(new FieldError("logoUrl", "must be an https:// address"));
        }
        if (branding.emailDomain() != null && !branding.emailDomain().matches("[A-Za-z0-9.-]{1,200}\\.[A-Za-z]{2,}")) {
            errors.add(new FieldError("emailDomain", "must be a domain name such as collections.example.com"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return creditors.updateBranding(CurrentActor.get(), id, branding);
    }

    private static void color(List<FieldError> errors, String field, String value) {
        if (value != null && !value.matches("#[0-9A-Fa-f]{6}")) {
            errors.add(new FieldError(field, "must be a colour like #1f4e79"));
        }
    }
}
