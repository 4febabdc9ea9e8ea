package io.rapport.messaging.web;

import io.rapport.accounts.AccountId;
import io.rapport.messaging.Channel;
import io.rapport.messaging.MessageTemplate;
import io.rapport.messaging.MessageTemplates;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.messaging.TemplateId;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Message templates: create, save new versions, read any version, and preview for an account. */
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates", description = "Versioned message templates per creditor, channel and language")
class TemplatesApi {

    record CreateTemplate(UUID creditorId, Channel channel, String language, String name, String subject, String body) {
    }

    record SaveVersion(String subject, String body) {
    }

    record PreviewRequest(UUID accountId, PaymentRequestDetails payment) {
    }

    private final MessageTemplates templates;

    TemplatesApi(MessageTemplates templates) {
        this.templates = templates;
    }

    @PostMapping
    @Operation(summary = "Create a template (version 1); unknown merge fields, missing values and empty messages are refused")
    ResponseEntity<MessageTemplate> create(@RequestBody CreateTemplate body) {
        MessageTemplate saved = templates.create(CurrentActor.get(), new MessageTemplates.Draft(body.creditorId(), body.channel(),
                body.language(), body.name(), body.subject(), body.body()));
        return ResponseEntity.created(URI.create("/api/v1/templates/" + saved.id())).body(saved);
    }

    @GetMapping
    @Operation(summary = "The current version of every template, optionally of one creditor")
    Map<String, List<MessageTemplate>> list(@RequestParam(required = false) UUID creditorId) {
        return Map.of("items", templates.list(CurrentActor.tenantId(), creditorId));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The current version of a template")
    MessageTemplate get(@PathVariable UUID id) {
        return templates.find(CurrentActor.tenantId(), new TemplateId(id)).orElseThrow(() -> new NotFound("template", id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save a new version of a template")
    MessageTemplate save(@PathVariable UUID id, @RequestBody SaveVersion body) {
        return templates.saveVersion(CurrentActor.get(), new TemplateId(id), body.subject(), body.body());
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of a template, newest first")
    Map<String, List<MessageTemplate>> versions(@PathVariable UUID id) {
        List<MessageTemplate> versions = templates.versions(CurrentActor.tenantId(), new TemplateId(id));
        if (versions.isEmpty()) {
            throw new NotFound("template", id);
        }
        return Map.of("items", versions);
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version of a template")
    MessageTemplate version(@PathVariable UUID id, @PathVariable int version) {
        return templates.version(CurrentActor.tenantId(), new TemplateId(id), version)
                .orElseThrow(() -> new NotFound("template version", id + "/" + version));
    }

    @PostMapping("/{id}/preview")
    @Operation(summary = "Render the current version for an account, as the consumer would get it; sends nothing")
    MessageTemplates.Preview preview(@PathVariable UUID id, @RequestBody PreviewRequest body) {
        if (body.accountId() == null) {
            throw InvalidRequest.of("accountId", "is required");
        }
        PaymentRequestDetails payment = body.payment();
        if (payment != null && (payment.amount() == null || payment.link() == null)) {
            throw InvalidRequest.of("payment", "needs an amount and a link");
        }
        return templates.preview(CurrentActor.tenantId(), new TemplateId(id), new AccountId(body.accountId()), payment);
    }
}
