package io.rapport.console.web;

import io.rapport.platform.ApiKeys;
import io.rapport.platform.CurrentActor;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API keys for the tenant's integrations, for admins: the list, issuing a key (its full text is
 * shown once, on the page right after issuing, and never again) and revoking one.
 */
@Controller
class ApiKeyPages {

    static final int MAX_NAME = 100;

    private final ApiKeys apiKeys;

    ApiKeyPages(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping("/console/admin/api-keys")
    String list(Model model) {
        model.addAttribute("keys", apiKeys.list(CurrentActor.tenantId()));
        return "console/api-keys";
    }

    @PostMapping("/console/admin/api-keys")
    String issue(@RequestParam(required = false) String name, Model model, RedirectAttributes redirect) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            model.addAttribute("nameError", "Give the key a name of 1 to " + MAX_NAME + " characters, such as the system that will use it.");
            model.addAttribute("name", name);
            return list(model);
        }
        var issued = apiKeys.issue(CurrentActor.get(), trimmed);
        redirect.addFlashAttribute("issued", issued);
        return "redirect:/console/admin/api-keys/issued";
    }

    /** Shows the key just issued. The flash attribute lives for one request, so a reload shows nothing secret. */
    @GetMapping("/console/admin/api-keys/issued")
    String issued(Model model) {
        if (!model.containsAttribute("issued")) {
            return "redirect:/console/admin/api-keys";
        }
        return "console/api-key-issued";
    }

    @PostMapping("/console/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        boolean revoked;
        try {
            revoked = apiKeys.revoke(CurrentActor.get(), UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            revoked = false;
        }
        redirect.addFlashAttribute(revoked ? "notice" : "problem",
                revoked ? "The key is revoked. Calls with it are refused from now on." : "No active key with that id.");
        return "redirect:/console/admin/api-keys";
    }
}
