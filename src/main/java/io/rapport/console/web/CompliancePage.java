package io.rapport.console.web;

import io.rapport.compliance.BlockedContacts;
import io.rapport.platform.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** For compliance staff: which rules blocked contacts, how often, and the latest refusals with their reasons. */
@Controller
class CompliancePage {

    static final int LATEST = 100;

    private final BlockedContacts blocked;

    CompliancePage(BlockedContacts blocked) {
        this.blocked = blocked;
    }

    @GetMapping("/console/compliance")
    String show(@RequestParam(required = false) String rule, Model model) {
        var tenant = CurrentActor.tenantId();
        var counts = blocked.countsByRule(tenant);
        String chosen = rule != null && counts.containsKey(rule) ? rule : null;
        model.addAttribute("counts", counts);
        model.addAttribute("rule", chosen);
        model.addAttribute("latest", blocked.latest(tenant, chosen, LATEST));
        return "console/compliance";
    }
}
