package io.rapport.console.web;

import io.rapport.accounts.AccountStatus;
import io.rapport.accounts.AccountSummary;
import io.rapport.accounts.Accounts;
import io.rapport.accounts.Creditors;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.CursorPage;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The account list: search by name, reference, phone or email, narrow by filters, page through. */
@Controller
class AccountList {

    private final Accounts accounts;
    private final Creditors creditors;

    AccountList(Accounts accounts, Creditors creditors) {
        this.accounts = accounts;
        this.creditors = creditors;
    }

    @GetMapping("/console/accounts")
    String list(@ModelAttribute("filters") AccountFilters filters, @RequestParam(required = false) String cursor,
            Model model) {
        var tenant = CurrentActor.tenantId();
        var tenantCreditors = creditors.list(tenant);
        var reading = filters.read(tenantCreditors);
        model.addAttribute("creditors", tenantCreditors);
        model.addAttribute("statuses", AccountStatus.values());
        model.addAttribute("errors", reading.errors());
        model.addAttribute("filtered", filters.isFiltered());
        model.addAttribute("paged", cursor != null && !cursor.isBlank());
        model.addAttribute("firstPage", filters.pageLink(null));
        CursorPage<AccountSummary> page = new CursorPage<>(List.of(), null);
        if (reading.isValid()) {
            try {
                page = accounts.search(tenant, reading.query(), cursor == null || cursor.isBlank() ? null : cursor,
                        reading.limit());
            } catch (IllegalArgumentException badCursor) {
                model.addAttribute("notice", "That page is no longer available; showing the first page.");
                page = accounts.search(tenant, reading.query(), null, reading.limit());
                model.addAttribute("paged", false);
            }
        }
        model.addAttribute("page", page);
        model.addAttribute("nextPage", page.nextCursor() == null ? null : filters.pageLink(page.nextCursor()));
        return "console/accounts";
    }
}
