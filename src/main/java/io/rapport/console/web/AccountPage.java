package io.rapport.console.web;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.campaigns.PaymentRequests;
import io.rapport.compliance.ContactDecisions;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.NotFound;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One account as an agent works it: the consumer, how to reach them and what they agreed to,
 * each debt with its itemization, holds, and the history. An id that is malformed, unknown or
 * another tenant's answers the same 404.
 */
@Controller
class AccountPage {

    static final int TIMELINE_ENTRIES = 100;

    private final Accounts accounts;
    private final AccountHistory history;
    private final ContactDecisions contactDecisions;
    private final PaymentRequests paymentRequests;

    AccountPage(Accounts accounts, AccountHistory history, ContactDecisions contactDecisions, PaymentRequests paymentRequests) {
        this.accounts = accounts;
        this.history = history;
        this.contactDecisions = contactDecisions;
        this.paymentRequests = paymentRequests;
    }

    @GetMapping("/console/accounts/{id}")
    String show(@PathVariable String id, Model model) {
        var tenant = CurrentActor.tenantId();
        AccountId accountId = parse(id);
        AccountDetails account = accounts.find(tenant, accountId).orElseThrow(() -> new NotFound("account", id));
        model.addAttribute("account", account);
        model.addAttribute("timeline", history.list(tenant, accountId, null, TIMELINE_ENTRIES));
        model.addAttribute("contactNow", contactDecisions.now(tenant, accountId));
        model.addAttribute("paymentRequests", paymentRequests.forAccount(tenant, accountId));
        // A fresh key per rendering: the form it goes in creates or sends at most once, however often it is posted.
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "console/account";
    }

    private static AccountId parse(String id) {
        try {
            return new AccountId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFound("account", id);
        }
    }
}
