package io.rapport.compliance;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.accounts.HoldKind;
import io.rapport.consent.ConsentChannel;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import java.time.Duration;
import java.time.Instant;
import io.rapport.accounts.InconvenientPlace;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Gathers what the gate needs to know about a real account from where Rapport keeps it: the
 * consumer and debts (accounts), holds (cease, attorney, bankruptcy, deceased, disputes),
 * consents and opt-outs (consent), and 60 days of the contact ledger. What is not on file stays
 * unknown, and the gate reads unknown conservatively.
 */
@Component
class AccountContactFacts {

    /** Longer than any window a rule looks back over (7 and 30 days). */
    static final Duration HISTORY = Duration.ofDays(60);

    /** American Samoa, UTC-11: the last place in the US where a calendar day begins. */
    private static final java.time.ZoneId EARLIEST_US_ZONE = java.time.ZoneId.of("Pacific/Pago_Pago");

    private static final Map<ConsentChannel, Channel> CHANNELS = Map.of(ConsentChannel.EMAIL, Channel.EMAIL,
            ConsentChannel.SMS, Channel.SMS, ConsentChannel.CALL, Channel.CALL,
            ConsentChannel.PRERECORDED_CALL, Channel.PRERECORDED_CALL, ConsentChannel.LETTER, Channel.LETTER);

    private final Accounts accounts;
    private final ContactLedger ledger;

    AccountContactFacts(Accounts accounts, ContactLedger ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /** Everything on file that the gate reads about one account, loaded once for any number of questions. */
    record OnFile(AccountDetails account, ConsumerFacts consumer, List<String> debtIds, List<DebtFacts> debts,
            List<ContactAttempt> history) {

        ContactProposal proposal(Channel channel, String to, Purpose purpose, String content, Instant at) {
            return new ContactProposal(at, channel, to, purpose, debtIds, content, consumer, debts, history);
        }
    }

    /** The account's facts, with the ledger's history up to {@code HISTORY} before {@code at}. */
    OnFile load(TenantId tenant, AccountId id, Instant at) {
        AccountDetails account = accounts.find(tenant, id).orElseThrow(() -> new NotFound("account", id));
        List<DebtFacts> debts = new ArrayList<>();
        List<String> debtIds = new ArrayList<>();
        for (AccountDetails.Debt debt : account.debts()) {
            debtIds.add(debt.id().toString());
            debts.add(new DebtFacts(debt.id().toString(), disputedOn(account, debt.id()),
                    flaggedOn(account, HoldKind.VERIFICATION_SENT, debt.id()),
                    debt.timeBarred() || flaggedOn(account, HoldKind.TIME_BARRED, debt.id()) != null));
        }
        return new OnFile(account, consumer(account), debtIds, debts,
                ledger.since(tenant, account.id().value(), at.minus(HISTORY)));
    }

    private ConsumerFacts consumer(AccountDetails account) {
        List<ConsumerPhone> phones = new ArrayList<>();
        List<ConsumerEmail> emails = new ArrayList<>();
        List<AccountDetails.Hold> active = account.holds().stream().filter(AccountDetails.Hold::isActive).toList();
        for (AccountDetails.ContactPoint point : account.contactPoints()) {
            if ("PHONE".equals(point.kind())) {
                phones.add(new ConsumerPhone(point.value(), PhoneType.valueOf(point.phoneType().name()),
                        PhoneSource.valueOf(point.source().name())));
            } else if ("EMAIL".equals(point.kind())) {
                boolean employer = point.employerIssued() || active.stream()
                        .anyMatch(h -> h.kind() == HoldKind.EMPLOYER_EMAIL && point.id().equals(h.contactPointId()));
                // Whether the consumer has used the address with us is not tracked yet: unknown reads as "not used".
                emails.add(new ConsumerEmail(point.value(), employer, false));
            }
        }
        List<Consent> granted = new ArrayList<>();
        List<OptOut> optOuts = new ArrayList<>(notAtWork(account, active, emails));
        List<InconvenientTime> inconvenientTimes = active.stream().filter(h -> h.kind() == HoldKind.INCONVENIENT_TIME)
                .map(h -> new InconvenientTime(h.from() == null ? LocalTime.MIDNIGHT : h.from(),
                        h.to() == null ? LocalTime.MIDNIGHT : h.to(), Set.copyOf(h.days())))
                .toList();
        boolean esign = false;
        for (io.rapport.consent.Consent c : account.consents()) {
            if (c.channel() == ConsentChannel.ESIGN) {
                esign |= c.isInForce();
                continue;
            }
            Channel channel = CHANNELS.get(c.channel());
            if (c.isInForce()) {
                granted.add(new Consent(channel, c.address(), c.at()));
            } else {
                optOuts.add(new OptOut(channel, c.address(), c.revokedAt() != null ? c.revokedAt() : c.at()));
            }
        }
        boolean deceased = false;
        boolean attorney = false;
        LocalDate cease = null;
        LocalDate filed = null;
        LocalDate discharged = null;
        for (AccountDetails.Hold hold : account.holds()) {
            if (!hold.isActive()) {
                continue;
            }
            LocalDate on = dayOf(hold.placedAt());
            switch (hold.kind()) {
                case DECEASED -> deceased = true;
                case ATTORNEY -> attorney = true;
                case CEASE -> cease = cease == null || on.isBefore(cease) ? on : cease;
                case BANKRUPTCY_FILED -> filed = on;
                case BANKRUPTCY_DISCHARGED -> discharged = on;
                default -> {
                    // disputes are per debt; other holds do not stop contact by themselves
                }
            }
        }
        var address = account.consumer().address();
        return new ConsumerFacts(address.state(), address.postalCode(), List.of(), phones, emails, inconvenientTimes, deceased,
                attorney, filed == null && discharged == null ? null : new Bankruptcy(filed, discharged), cease, esign,
                optOuts, granted);
    }

    /**
     * The day a hold took effect, as the earliest calendar date anywhere in the US at that
     * instant: a rule that applies "from the day received" then already applies at the moment
     * it was received, in every zone the consumer may be in.
     */
    static LocalDate dayOf(Instant placedAt) {
        return LocalDate.ofInstant(placedAt, EARLIEST_US_ZONE);
    }

    /**
     * "Not at work" (1006.6(b)(1)): the consumer asked us not to use their work numbers and the addresses their employer
     * issued, which the gate honours as opt-outs of those addresses (OPT-02) from the moment the flag was placed.
     */
    private static List<OptOut> notAtWork(AccountDetails account, List<AccountDetails.Hold> active, List<ConsumerEmail> emails) {
        List<OptOut> optOuts = new ArrayList<>();
        for (AccountDetails.Hold hold : active) {
            if (hold.kind() != HoldKind.INCONVENIENT_PLACE || hold.place() != InconvenientPlace.WORK) {
                continue;
            }
            for (AccountDetails.ContactPoint point : account.contactPoints()) {
                if ("PHONE".equals(point.kind()) && point.phoneType() == io.rapport.accounts.PhoneType.WORK) {
                    optOuts.add(new OptOut(Channel.CALL, point.value(), hold.placedAt()));
                    optOuts.add(new OptOut(Channel.SMS, point.value(), hold.placedAt()));
                }
            }
            emails.stream().filter(ConsumerEmail::employerIssued)
                    .forEach(email -> optOuts.add(new OptOut(Channel.EMAIL, email.address(), hold.placedAt())));
        }
        return optOuts;
    }

    /** The day an active flag of the kind was placed on the debt or on every debt; null when there is none. */
    private static LocalDate flaggedOn(AccountDetails account, HoldKind kind, UUID debtId) {
        return account.holds().stream()
                .filter(h -> h.isActive() && h.kind() == kind && (h.debtId() == null || h.debtId().equals(debtId)))
                .map(h -> dayOf(h.placedAt()))
                .max(LocalDate::compareTo).orElse(null);
    }

    /** A dispute hold on the debt, or on the whole account, is a written dispute on the day it was placed. */
    private static LocalDate disputedOn(AccountDetails account, UUID debtId) {
        return account.holds().stream()
                .filter(h -> h.isActive() && h.kind() == HoldKind.DISPUTE && (h.debtId() == null || h.debtId().equals(debtId)))
                .map(h -> dayOf(h.placedAt()))
                .min(LocalDate::compareTo).orElse(null);
    }
}
