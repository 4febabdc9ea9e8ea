package io.rapport.accounts;

import io.rapport.consent.Consent;
import io.rapport.consent.Consents;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.CursorPage;
import io.rapport.platform.Money;
import io.rapport.platform.TenantId;
import io.rapport.platform.TransactionMemo;
import io.rapport.platform.SqlIn;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads accounts, always inside one tenant: every query carries the tenant id, so an id from
 * another tenant finds nothing, exactly like an id that does not exist.
 */
@Service
public class Accounts {

    private static final String MEMO = "account";

    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;
    private final JsonMapper json;
    private final Consents consents;
    private final Clock clock;

    Accounts(JdbcClient jdbc, ConsumerDataCipher cipher, JsonMapper json, Consents consents, Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    public Optional<AccountDetails> find(TenantId tenant, AccountId id) {
        return TransactionMemo.get(MEMO, List.of(tenant, id),
                () -> Optional.ofNullable(load(tenant, List.of(id)).get(id)));
    }

    /**
     * Reads these accounts with one query per table, for a batch that will read each of them again: where the
     * transaction's memo is open ({@link TransactionMemo}), {@link #find} answers from what was read here until the
     * account is changed.
     */
    public Map<AccountId, AccountDetails> preload(TenantId tenant, java.util.Collection<AccountId> ids) {
        List<AccountId> missing = ids.stream().distinct().filter(id -> !TransactionMemo.holds(MEMO, List.of(tenant, id))).toList();
        Map<AccountId, AccountDetails> loaded = load(tenant, missing);
        for (AccountId id : missing) {
            TransactionMemo.put(MEMO, List.of(tenant, id), Optional.ofNullable(loaded.get(id)));
        }
        return loaded;
    }

    /** Whether this transaction's memo holds the account as found in the tenant (no query is made). */
    static boolean isRemembered(TenantId tenant, AccountId id) {
        Optional<AccountDetails> remembered = TransactionMemo.peek(MEMO, List.of(tenant, id));
        return remembered != null && remembered.isPresent();
    }

    /** An account is being changed in this transaction: the next {@link #find} reads it again. */
    static void changed(TenantId tenant, AccountId id) {
        TransactionMemo.forget(MEMO, List.of(tenant, id));
    }

    /** @throws NotFound when the tenant has no such account */
    public void require(TenantId tenant, AccountId id) {
        if (jdbc.sql("select count(*) from account where id = ? and tenant_id = ?").params(id.value(), tenant.value())
                .query(Integer.class).single() == 0) {
            throw new io.rapport.platform.NotFound("account", id);
        }
    }

    /** As {@link #hasContactPoint(TenantId, AccountId, String)}, on an account already read (no query). */
    public boolean hasContactPoint(TenantId tenant, AccountDetails account, String emailOrPhone) {
        String index = SearchKeys.contactPoint(cipher, tenant, emailOrPhone);
        return index != null && account.contactPoints().stream()
                .anyMatch(point -> index.equals(SearchKeys.contactPoint(cipher, tenant, point.value())));
    }

    /** Whether the consumer has this email address or phone number (E.164) among their contact points. */
    public boolean hasContactPoint(TenantId tenant, AccountId id, String emailOrPhone) {
        String index = SearchKeys.contactPoint(cipher, tenant, emailOrPhone);
        return index != null && jdbc.sql("select count(*) from contact_point where tenant_id = ? and account_id = ? and value_idx = ?")
                .params(tenant.value(), id.value(), index).query(Integer.class).single() > 0;
    }

    /** The accounts with these references (exactly as given), with one query; references without one are missing. */
    public Map<String, AccountId> findByReferences(TenantId tenant, java.util.Collection<String> externalRefs) {
        Map<String, AccountId> found = new HashMap<>();
        List<String> refs = externalRefs.stream().distinct().toList();
        if (refs.isEmpty()) {
            return found;
        }
        jdbc.sql("select external_ref, id from account where tenant_id = ? and external_ref in (" + SqlIn.placeholders(refs) + ")")
                .params(SqlIn.params(refs, tenant.value()))
                .query((rs, n) -> found.put(rs.getString(1), new AccountId(rs.getObject(2, UUID.class))))
                .list();
        return found;
    }

    public long count(TenantId tenant) {
        return jdbc.sql("select count(*) from account where tenant_id = ?").param(tenant.value()).query(Long.class).single();
    }

    /** Newest first, keyset-paged. */
    public CursorPage<AccountSummary> search(TenantId tenant, AccountQuery q, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.external_ref, a.consumer_enc, a.status, a.balance, a.currency, a.delinquent_since, a.state,
                       a.placed_at, c.name as creditor_name
                from account a join creditor c on c.id = a.creditor_id
                where a.tenant_id = :tenant""");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.value());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (q.text() != null && !q.text().isBlank()) {
            sql.append(" and (").append(textCondition(tenant, q.text().trim(), params)).append(")");
        }
        if (q.creditorId() != null) {
            sql.append(" and a.creditor_id = :creditor");
            params.put("creditor", q.creditorId());
        }
        if (q.status() != null) {
            sql.append(" and a.status = :status");
            params.put("status", q.status().name());
        }
        if (q.minBalance() != null) {
            sql.append(" and a.balance >= :minBalance");
            params.put("minBalance", q.minBalance());
        }
        if (q.maxBalance() != null) {
            sql.append(" and a.balance <= :maxBalance");
            params.put("maxBalance", q.maxBalance());
        }
        if (q.minDaysPastDue() != null) {
            sql.append(" and a.delinquent_since <= :pastDueBefore");
            params.put("pastDueBefore", Date.valueOf(today.minusDays(q.minDaysPastDue())));
        }
        if (q.maxDaysPastDue() != null) {
            sql.append(" and a.delinquent_since >= :pastDueAfter");
            params.put("pastDueAfter", Date.valueOf(today.minusDays(q.maxDaysPastDue())));
        }
        if (cursor != null) {
            sql.append(" and a.id < :after");
            params.put("after", CursorPage.decodeIdCursor(cursor));
        }
        sql.append(" order by a.id desc limit :limit");
        params.put("limit", limit + 1);
        List<AccountSummary> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> summary(tenant, rs, today)).list();
        String next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            next = CursorPage.encodeCursor(rows.get(limit - 1).id().toString());
        }
        return new CursorPage<>(rows, next);
    }

    /**
     * The condition for the free-text search: an email finds by its blind index, a phone number
     * (any format) by the E.164 blind index, anything else by reference or by name.
     */
    private String textCondition(TenantId tenant, String text, Map<String, Object> params) {
        params.put("ref", text);
        String byRef = "a.external_ref = :ref";
        if (text.contains("@")) {
            params.put("contact", cipher.blindIndex(tenant, SearchKeys.EMAIL, SearchKeys.email(text)));
            return byRef + " or " + byContact();
        }
        String phone = text.replaceAll("\\D", "").length() >= 7 ? PhoneNumbers.tryE164(text) : null;
        if (phone != null) {
            params.put("contact", cipher.blindIndex(tenant, SearchKeys.PHONE, phone));
            return byRef + " or " + byContact();
        }
        String folded = SearchKeys.name(text);
        if (folded.isEmpty()) {
            return byRef;
        }
        params.put("name", cipher.blindIndex(tenant, SearchKeys.NAME, folded));
        String condition = byRef + " or a.first_name_idx = :name or a.last_name_idx = :name";
        int space = folded.indexOf(' ');
        if (space > 0) {
            params.put("first", cipher.blindIndex(tenant, SearchKeys.NAME, folded.substring(0, space)));
            params.put("last", cipher.blindIndex(tenant, SearchKeys.NAME, folded.substring(space + 1)));
            condition += " or (a.first_name_idx = :first and a.last_name_idx = :last)";
        }
        return condition;
    }

    private static String byContact() {
        return "a.id in (select cp.account_id from contact_point cp where cp.tenant_id = :tenant and cp.value_idx = :contact)";
    }

    private AccountSummary summary(TenantId tenant, ResultSet rs, LocalDate today) throws SQLException {
        Placement.Consumer consumer = consumer(tenant, rs.getString("consumer_enc"));
        Date since = rs.getDate("delinquent_since");
        return new AccountSummary(new AccountId(rs.getObject("id", UUID.class)), rs.getString("external_ref"),
                consumer.firstName() + " " + consumer.lastName(), rs.getString("creditor_name"),
                AccountStatus.valueOf(rs.getString("status")), new Money(rs.getLong("balance"), rs.getString("currency")),
                since == null ? null : (int) ChronoUnit.DAYS.between(since.toLocalDate(), today), rs.getString("state"),
                rs.getTimestamp("placed_at").toInstant());
    }

    private Placement.Consumer consumer(TenantId tenant, String sealed) {
        return json.readValue(cipher.decrypt(tenant, AccountPlacement.CONSUMER, sealed), Placement.Consumer.class);
    }

    /** The accounts of the tenant among these ids (absent ones are missing from the map), five queries in all. */
    private Map<AccountId, AccountDetails> load(TenantId tenant, List<AccountId> ids) {
        Map<AccountId, AccountDetails> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<UUID> keys = ids.stream().map(AccountId::value).toList();
        String in = SqlIn.placeholders(keys);
        List<Object> params = SqlIn.params(keys, tenant.value());
        Map<UUID, List<AccountDetails.ContactPoint>> points = grouped(jdbc.sql(
                "select * from contact_point where tenant_id = ? and account_id in (" + in + ") order by kind, created_at, id")
                .params(params).query((rs, n) -> Map.entry(rs.getObject("account_id", UUID.class), contactPoint(tenant, rs))).list());
        Map<UUID, List<AccountDetails.Debt>> debts = grouped(jdbc.sql(
                "select * from debt where tenant_id = ? and account_id in (" + in + ") order by created_at, id")
                .params(params).query((rs, n) -> Map.entry(rs.getObject("account_id", UUID.class), debt(rs))).list());
        Map<UUID, List<AccountDetails.Hold>> holds = grouped(jdbc.sql(
                "select * from account_hold where tenant_id = ? and account_id in (" + in + ") order by placed_at, id")
                .params(params).query((rs, n) -> Map.entry(rs.getObject("account_id", UUID.class), hold(rs))).list());
        Map<UUID, List<Consent>> consentsOf = consents.forAccounts(tenant, keys);
        jdbc.sql("""
                select a.*, c.name as creditor_name from account a join creditor c on c.id = a.creditor_id
                where a.tenant_id = ? and a.id in (%s)""".formatted(in))
                .params(params)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Date since = rs.getDate("delinquent_since");
                    return new AccountDetails(new AccountId(id), rs.getString("external_ref"),
                            new AccountDetails.CreditorRef(rs.getObject("creditor_id", UUID.class), rs.getString("creditor_name")),
                            AccountStatus.valueOf(rs.getString("status")), new Money(rs.getLong("balance"), rs.getString("currency")),
                            consumer(tenant, rs.getString("consumer_enc")), Verification.valueOf(rs.getString("address_status")),
                            undeliverable(rs.getString("address_undeliverable_reason"), rs.getTimestamp("address_undeliverable_at")),
                            points.getOrDefault(id, List.of()), consentsOf.getOrDefault(id, List.of()),
                            debts.getOrDefault(id, List.of()), holds.getOrDefault(id, List.of()),
                            since == null ? null : since.toLocalDate(), rs.getTimestamp("placed_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant());
                })
                .list()
                .forEach(account -> found.put(account.id(), account));
        return found;
    }

    /** Rows of many accounts, each account's in the order they came. */
    private static <T> Map<UUID, List<T>> grouped(List<Map.Entry<UUID, T>> rows) {
        Map<UUID, List<T>> byAccount = new HashMap<>();
        for (Map.Entry<UUID, T> row : rows) {
            byAccount.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return byAccount;
    }

    private AccountDetails.ContactPoint contactPoint(TenantId tenant, ResultSet rs) throws SQLException {
        return new AccountDetails.ContactPoint(rs.getObject("id", UUID.class), rs.getString("kind"),
                cipher.decrypt(tenant, AccountPlacement.CONTACT, rs.getString("value_enc")),
                rs.getString("phone_type") == null ? null : PhoneType.valueOf(rs.getString("phone_type")),
                ContactSource.valueOf(rs.getString("source")), rs.getBoolean("employer_issued"),
                Verification.valueOf(rs.getString("verification")),
                undeliverable(rs.getString("undeliverable_reason"), rs.getTimestamp("undeliverable_at")));
    }

    private static AccountDetails.Undeliverable undeliverable(String reason, Timestamp since) {
        return since == null ? null : new AccountDetails.Undeliverable(reason, since.toInstant());
    }


    private static AccountDetails.Debt debt(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Date lastPayment = rs.getDate("last_payment_on");
        return new AccountDetails.Debt(rs.getObject("id", UUID.class), rs.getString("external_ref"),
                rs.getString("account_number_last4"), rs.getString("original_creditor"),
                rs.getString("current_creditor"), rs.getDate("itemization_date").toLocalDate(),
                ItemizationDateType.valueOf(rs.getString("itemization_date_type")),
                new Money(rs.getLong("amount_on_itemization"), currency), new Money(rs.getLong("interest_since"), currency),
                new Money(rs.getLong("fees_since"), currency), new Money(rs.getLong("payments_since"), currency),
                new Money(rs.getLong("current_balance"), currency),
                lastPayment == null ? null : lastPayment.toLocalDate(), rs.getBoolean("time_barred"),
                AccountStatus.valueOf(rs.getString("status")));
    }

    private static AccountDetails.Hold hold(ResultSet rs) throws SQLException {
        return new AccountDetails.Hold(rs.getObject("id", UUID.class), rs.getObject("debt_id", UUID.class),
                HoldKind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("placed_by"),
                rs.getTimestamp("placed_at").toInstant(), instant(rs.getTimestamp("released_at")),
                rs.getString("released_by"), rs.getString("release_reason"), rs.getObject("contact_point_id", UUID.class),
                time(rs.getString("window_from")), time(rs.getString("window_to")), days(rs.getString("days")),
                rs.getString("place") == null ? null : InconvenientPlace.valueOf(rs.getString("place")));
    }

    private static java.time.LocalTime time(String hhmm) {
        return hhmm == null ? null : java.time.LocalTime.parse(hhmm);
    }

    private static List<java.time.DayOfWeek> days(String names) {
        return names == null || names.isBlank() ? List.of()
                : java.util.Arrays.stream(names.split(",")).map(java.time.DayOfWeek::valueOf).toList();
    }

    /** The full account number of a debt, for the validation notice and the consumer's own view. */
    public Optional<String> accountNumber(TenantId tenant, UUID debtId) {
        return jdbc.sql("select account_number_enc from debt where tenant_id = ? and id = ?").params(tenant.value(), debtId)
                .query(String.class).optional().map(sealed -> cipher.decrypt(tenant, AccountPlacement.ACCOUNT_NUMBER, sealed));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
