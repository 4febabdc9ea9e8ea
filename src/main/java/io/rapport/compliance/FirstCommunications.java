package io.rapport.compliance;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * VN-01 as the contact ledger fills: the first communication about a debt whose validation notice was not sent
 * schedules the notice, due by the latest sending day. The day of the communication is taken as the earliest
 * calendar date anywhere in the US at that instant, which leaves the least time.
 */
@Component
class FirstCommunications {

    private final Accounts accounts;
    private final ValidationNoticeQueue queue;
    private final AccountHistory history;
    private final AuditLog audit;

    FirstCommunications(Accounts accounts, ValidationNoticeQueue queue, AccountHistory history, AuditLog audit) {
        this.accounts = accounts;
        this.queue = queue;
        this.history = history;
        this.audit = audit;
    }

    /** Reads the validation notices of a batch's accounts at once (see {@link ValidationNoticeQueue#preload}). */
    void preload(io.rapport.platform.TenantId tenant, java.util.List<AccountId> accountIds) {
        java.util.List<UUID> debts = new java.util.ArrayList<>();
        for (AccountId id : accountIds) {
            accounts.find(tenant, id).ifPresent(account -> account.debts().forEach(debt -> debts.add(debt.id())));
        }
        queue.preload(tenant, accountIds.stream().map(AccountId::value).distinct().toList(), debts);
    }

    void recorded(Actor by, UUID accountId, ContactAttempt attempt) {
        if (!attempt.isCommunication()) {
            return;
        }
        AccountId account = new AccountId(accountId);
        AccountDetails details = accounts.find(by.tenantId(), account).orElse(null);
        if (details == null) {
            return;
        }
        ValidationNoticeSchedule schedule = ValidationNoticeSchedule.afterFirstCommunicationOn(
                AccountContactFacts.dayOf(attempt.at()));
        for (AccountDetails.Debt debt : details.debts()) {
            if (!attempt.concerns(debt.id().toString()) || !queue.schedule(by.tenantId(), accountId, debt.id(), schedule)) {
                continue;
            }
            history.record(by, account, "VALIDATION_NOTICE_SCHEDULED", "Validation notice for debt " + debt.externalRef()
                    + " scheduled: first communication (" + attempt.channel() + ") on " + schedule.firstCommunicationOn()
                    + ", to be sent by " + schedule.latestSendingDay() + " (VN-01)");
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("account", accountId);
            after.put("firstCommunicationOn", schedule.firstCommunicationOn().toString());
            after.put("dueOn", schedule.latestSendingDay().toString());
            audit.record(by, "validation-notice.scheduled", "Debt", debt.id(), null, after);
        }
    }
}
