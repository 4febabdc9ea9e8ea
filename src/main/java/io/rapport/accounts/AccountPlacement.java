package io.rapport.accounts;

import io.rapport.consent.Consents;
import io.rapport.consent.NewConsent;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.BulkInsert;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.Money;
import io.rapport.platform.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places accounts: the one way accounts enter Rapport, whether from the API, a spreadsheet
 * import or the demo. Works on batches, writing each table with one batched statement, so an
 * import of a million rows and an API call of one account run the same code.
 *
 * <p>Placement is keyed by references: an account by its {@code externalRef} within the tenant,
 * a debt by its {@code externalRef} within the account, a contact point by its value. Placing
 * what exists already changes nothing, so a re-run of the same file or a retried request is safe.
 * New debts, contact points and consents for an existing account are added to it; the
 * consumer's existing details are left as they are (changing them is an edit, not a placement).
 */
@Service
public class AccountPlacement {

    static final String CONSUMER = "consumer";
    static final String CONTACT = "contact-point";
    static final String ACCOUNT_NUMBER = "account-number";

    private final BulkInsert bulk;
    private final NamedParameterJdbcTemplate named;
    private final ConsumerDataCipher cipher;
    private final Creditors creditors;
    private final Consents consents;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    AccountPlacement(JdbcTemplate jdbc, BulkInsert bulk, ConsumerDataCipher cipher, Creditors creditors, Consents consents, AuditLog audit,
            ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.bulk = bulk;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.cipher = cipher;
        this.creditors = creditors;
        this.consents = consents;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Places one account, all or nothing. @throws InvalidRequest naming every field that breaks a rule */
    @Transactional
    public PlacementOutcome place(Actor by, Placement placement, String via) {
        List<InvalidRequest.FieldError> errors = PlacementRules.check(placement, today());
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return placeAll(by, List.of(placement), via).get(0);
    }

    /**
     * Places a batch of placements that already passed {@link PlacementRules}, in one
     * transaction. Placements with the same reference are merged into one account.
     */
    @Transactional
    public List<PlacementOutcome> placeAll(Actor by, List<Placement> batch, String via) {
        if (batch.isEmpty()) {
            return List.of();
        }
        TenantId tenant = by.tenantId();
        Instant now = clock.instant();
        Timestamp nowTs = Timestamp.from(now);
        Map<String, Placement> byRef = merge(batch);
        Map<String, UUID> creditorIds = creditors.resolve(by,
                byRef.values().stream().map(Placement::creditorName).distinct().toList());
        Map<String, UUID> existing = existingAccounts(tenant, byRef.keySet());
        Known known = Known.load(named, existing.values());

        Rows rows = new Rows();
        Map<String, UUID> accountIds = new LinkedHashMap<>();
        Map<UUID, Integer> added = new HashMap<>();
        List<NewConsent> consents = new ArrayList<>();
        for (Placement p : byRef.values()) {
            UUID accountId = existing.get(p.externalRef());
            if (accountId == null) {
                accountId = Ids.next();
                rows.account(tenant, accountId, p, creditorIds.get(p.creditorName()), nowTs, this);
            }
            accountIds.put(p.externalRef(), accountId);
            added.put(accountId, rows.children(tenant, accountId, p, known, nowTs, this));
            for (Placement.ConsentGrant g : p.consents()) {
                consents.add(new NewConsent(accountId, g.channel(), g.address(), g.granted(), g.source(), g.at(), g.textShown()));
            }
        }
        rows.write(bulk);
        Set<UUID> newConsents = this.consents.recordAll(tenant, consents);

        List<PlacementOutcome> outcomes = new ArrayList<>();
        List<UUID> changedExisting = new ArrayList<>();
        for (Placement p : byRef.values()) {
            UUID accountId = accountIds.get(p.externalRef());
            boolean isNew = !existing.containsKey(p.externalRef());
            int additions = added.get(accountId) + (newConsents.contains(accountId) ? 1 : 0);
            PlacementOutcome.Result result = isNew ? PlacementOutcome.Result.CREATED
                    : additions > 0 ? PlacementOutcome.Result.UPDATED : PlacementOutcome.Result.UNCHANGED;
            outcomes.add(new PlacementOutcome(p.externalRef(), new AccountId(accountId), result));
            if (result == PlacementOutcome.Result.UPDATED) {
                changedExisting.add(accountId);
            }
            if (result != PlacementOutcome.Result.UNCHANGED) {
                rows.history.add(new Object[] {Ids.next(), tenant.value(), accountId, nowTs, by.label(),
                        isNew ? "ACCOUNT_PLACED" : "ACCOUNT_UPDATED", summary(p, isNew, via)});
            }
        }
        rows.writeHistory(bulk);
        recomputeBalances(changedExisting, nowTs);

        List<AuditLog.Change> changes = new ArrayList<>();
        for (PlacementOutcome outcome : outcomes) {
            if (outcome.result() == PlacementOutcome.Result.UNCHANGED) {
                continue;
            }
            Placement p = byRef.get(outcome.externalRef());
            changes.add(new AuditLog.Change(
                    outcome.result() == PlacementOutcome.Result.CREATED ? "account.placed" : "account.debts-added",
                    "Account", outcome.accountId(), null, Map.of(
                            "externalRef", p.externalRef(), "creditor", p.creditorName(), "via", via,
                            "debts", p.debts().stream().map(Placement.NewDebt::externalRef).toList())));
            if (outcome.result() == PlacementOutcome.Result.CREATED) {
                events.publishEvent(new AccountPlaced(tenant, outcome.accountId(), outcome.externalRef()));
            }
        }
        audit.recordAll(by, changes);
        return outcomes;
    }

    private static Map<String, Placement> merge(List<Placement> batch) {
        Map<String, Placement> byRef = new LinkedHashMap<>();
        for (Placement p : batch) {
            byRef.merge(p.externalRef(), p, (first, more) -> new Placement(first.externalRef(), first.creditorName(),
                    first.consumer(), concat(first.emails(), more.emails()), concat(first.phones(), more.phones()),
                    concat(first.consents(), more.consents()), concat(first.debts(), more.debts())));
        }
        return byRef;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Map<String, UUID> existingAccounts(TenantId tenant, Set<String> refs) {
        Map<String, UUID> ids = new HashMap<>();
        named.query("select id, external_ref from account where tenant_id = :tenant and external_ref in (:refs)",
                new MapSqlParameterSource("tenant", tenant.value()).addValue("refs", refs),
                rs -> {
                    ids.put(rs.getString("external_ref"), rs.getObject("id", UUID.class));
                });
        return ids;
    }

    private void recomputeBalances(List<UUID> accountIds, Timestamp now) {
        if (accountIds.isEmpty()) {
            return;
        }
        named.update("""
                update account set
                    balance = (select coalesce(sum(d.current_balance), 0) from debt d where d.account_id = account.id),
                    delinquent_since = (select min(coalesce(d.last_payment_on, d.itemization_date)) from debt d where d.account_id = account.id),
                    updated_at = :now
                where id in (:ids)""", new MapSqlParameterSource("ids", accountIds).addValue("now", now));
    }

    private static String summary(Placement p, boolean isNew, String via) {
        Money total = p.debts().stream().map(Placement.NewDebt::itemizedTotal).reduce(Money::plus).orElseThrow();
        return isNew
                ? "Placed by " + p.creditorName() + " via " + via + " with " + p.debts().size()
                        + (p.debts().size() == 1 ? " debt" : " debts") + " totalling " + total
                : "New debts, contact points or consents added via " + via;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    String sealConsumer(TenantId tenant, Placement.Consumer consumer) {
        return cipher.encrypt(tenant, CONSUMER, json.writeValueAsString(consumer));
    }

    ConsumerDataCipher cipher() {
        return cipher;
    }

    /** What an existing account already has, so a placement adds only what is new. */
    private record Known(Set<String> debts, Set<String> contactPoints) {

        static Known load(NamedParameterJdbcTemplate named, java.util.Collection<UUID> accountIds) {
            Known known = new Known(new HashSet<>(), new HashSet<>());
            if (accountIds.isEmpty()) {
                return known;
            }
            var ids = new MapSqlParameterSource("ids", accountIds);
            named.query("select account_id, external_ref from debt where account_id in (:ids)", ids,
                    rs -> {
                        known.debts.add(rs.getString(1) + "|" + rs.getString(2));
                    });
            named.query("select account_id, kind, value_idx from contact_point where account_id in (:ids)", ids,
                    rs -> {
                        known.contactPoints.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                    });
            return known;
        }
    }

    /** The rows of one batch, collected per table and written with one batched insert each. */
    private static final class Rows {
        final List<Object[]> accounts = new ArrayList<>();
        final List<Object[]> debts = new ArrayList<>();
        final List<Object[]> contactPoints = new ArrayList<>();
        final List<Object[]> history = new ArrayList<>();

        void account(TenantId tenant, UUID id, Placement p, UUID creditorId, Timestamp now, AccountPlacement placement) {
            Placement.Consumer c = p.consumer();
            ConsumerDataCipher cipher = placement.cipher();
            Money balance = p.debts().stream().map(Placement.NewDebt::itemizedTotal).reduce(Money::plus).orElseThrow();
            LocalDate delinquentSince = p.debts().stream()
                    .map(d -> d.lastPaymentOn() != null ? d.lastPaymentOn() : d.itemizationDate())
                    .min(Comparator.naturalOrder()).orElse(null);
            accounts.add(new Object[] {id, tenant.value(), p.externalRef(), creditorId, AccountStatus.ACTIVE.name(),
                    placement.sealConsumer(tenant, c),
                    cipher.blindIndex(tenant, SearchKeys.NAME, SearchKeys.name(c.firstName())),
                    cipher.blindIndex(tenant, SearchKeys.NAME, SearchKeys.name(c.lastName())),
                    c.address().state().trim().toUpperCase(), c.language() == null ? "en" : c.language(),
                    Verification.UNVERIFIED.name(), balance.currency(), balance.amount(), delinquentSince, now, now});
        }

        int children(TenantId tenant, UUID accountId, Placement p, Known known, Timestamp now, AccountPlacement placement) {
            ConsumerDataCipher cipher = placement.cipher();
            int added = 0;
            for (Placement.NewDebt d : p.debts()) {
                if (!known.debts.add(accountId + "|" + d.externalRef())) {
                    continue;
                }
                String number = d.accountNumber().trim();
                debts.add(new Object[] {Ids.next(), tenant.value(), accountId, d.externalRef(),
                        cipher.encrypt(tenant, ACCOUNT_NUMBER, number),
                        lastFour(number),
                        d.originalCreditor(), d.currentCreditor(), d.itemizationDate(), d.itemizationDateType().name(),
                        d.amountOnItemizationDate().currency(), d.amountOnItemizationDate().amount(),
                        d.interestSince().amount(), d.feesSince().amount(), d.paymentsSince().amount(),
                        d.itemizedTotal().amount(), d.lastPaymentOn(), d.timeBarred(), AccountStatus.ACTIVE.name(), now});
                added++;
            }
            for (Placement.Email e : p.emails()) {
                String value = SearchKeys.email(e.address());
                String idx = cipher.blindIndex(tenant, SearchKeys.EMAIL, value);
                if (known.contactPoints.add(accountId + "|EMAIL|" + idx)) {
                    contactPoints.add(new Object[] {Ids.next(), tenant.value(), accountId, "EMAIL",
                            cipher.encrypt(tenant, CONTACT, value), idx, maskEmail(value), null,
                            ContactSource.CREDITOR.name(), e.employerIssued(), Verification.UNVERIFIED.name(), now});
                    added++;
                }
            }
            for (Placement.Phone ph : p.phones()) {
                String idx = cipher.blindIndex(tenant, SearchKeys.PHONE, ph.number());
                if (known.contactPoints.add(accountId + "|PHONE|" + idx)) {
                    contactPoints.add(new Object[] {Ids.next(), tenant.value(), accountId, "PHONE",
                            cipher.encrypt(tenant, CONTACT, ph.number()), idx, PhoneNumbers.mask(ph.number()),
                            ph.type().name(), Objects.requireNonNullElse(ph.source(), ContactSource.CREDITOR).name(), false,
                            Verification.UNVERIFIED.name(), now});
                    added++;
                }
            }
            return added;
        }

        void write(BulkInsert bulk) {
            bulk.insert("account", List.of("id", "tenant_id", "external_ref", "creditor_id", "status", "consumer_enc",
                    "first_name_idx", "last_name_idx", "state", "language", "address_status", "currency", "balance",
                    "delinquent_since", "placed_at", "updated_at"), accounts);
            bulk.insert("debt", List.of("id", "tenant_id", "account_id", "external_ref", "account_number_enc",
                    "account_number_last4", "original_creditor", "current_creditor", "itemization_date",
                    "itemization_date_type", "currency", "amount_on_itemization", "interest_since", "fees_since",
                    "payments_since", "current_balance", "last_payment_on", "time_barred", "status", "created_at"), debts);
            bulk.insert("contact_point", List.of("id", "tenant_id", "account_id", "kind", "value_enc", "value_idx", "masked",
                    "phone_type", "source", "employer_issued", "verification", "created_at"), contactPoints);
        }

        /** History goes last: whether a placement changed an account is known once its consents are recorded. */
        void writeHistory(BulkInsert bulk) {
            bulk.insert("account_history", List.of("id", "tenant_id", "account_id", "at", "actor", "kind", "summary"), history);
        }
    }

    /** The last four letters or digits of an account number, as notices and agents quote it. */
    static String lastFour(String accountNumber) {
        String alphanumeric = accountNumber.replaceAll("[^A-Za-z0-9]", "");
        return alphanumeric.length() <= 4 ? alphanumeric : alphanumeric.substring(alphanumeric.length() - 4);
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return (at <= 1 ? "•" : email.charAt(0) + "•••") + email.substring(Math.max(at, 0));
    }
}
