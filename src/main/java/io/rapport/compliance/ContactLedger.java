package io.rapport.compliance;

import io.rapport.platform.Actor;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.DeferredInserts;
import io.rapport.platform.Ids;
import io.rapport.platform.TenantId;
import io.rapport.platform.TransactionMemo;
import io.rapport.platform.SqlIn;
import io.rapport.accounts.AccountId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contact ledger: every attempt and its outcome, on every channel, outbound and inbound, for
 * each account. It is the history the gate counts calls and conversations from, and it keeps
 * the gate's decision next to each attempt it allowed. Append-only.
 */
@Service
public class ContactLedger {

    private static final String ADDRESS = "contact-attempt";
    private static final String MEMO = "contact-attempts";
    private static final List<String> COLUMNS = List.of("id", "tenant_id", "account_id", "at", "channel", "direction",
            "address_enc", "debt_ids", "outcome", "decision", "recorded_by", "recorded_at");

    private final JdbcClient jdbc;
    private final DeferredInserts deferred;
    private final ConsumerDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    private final FirstCommunications firstCommunications;

    ContactLedger(JdbcClient jdbc, DeferredInserts deferred, ConsumerDataCipher cipher, JsonMapper json, Clock clock,
            FirstCommunications firstCommunications) {
        this.firstCommunications = firstCommunications;
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records an attempt (and the decision that allowed it, when the gate was asked). The first communication about a
     * debt schedules its validation notice.
     */
    public UUID record(Actor by, UUID accountId, ContactAttempt attempt, GateDecision decision) {
        UUID id = Ids.next();
        Remembered remembered = TransactionMemo.peek(MEMO, List.of(by.tenantId(), accountId));
        // A batch that remembers the account's history counts from memory, so the row may wait for the commit.
        Object[] row = {id, by.tenantId().value(), accountId, Timestamp.from(attempt.at()), attempt.channel().name(),
                attempt.direction().name(), cipher.encrypt(by.tenantId(), ADDRESS, attempt.to()),
                String.join(",", attempt.debtIds()), attempt.outcome().name(),
                decision == null ? null : json.writeValueAsString(decision), by.label(), Timestamp.from(clock.instant())};
        if (remembered != null) {
            deferred.insert("contact_attempt", COLUMNS, row);
            remembered.attempts().add(new ContactAttempt(attempt.at(), attempt.channel(), attempt.direction(), attempt.to(),
                    attempt.debtIds(), attempt.outcome(), null));
            remembered.attempts().sort(java.util.Comparator.comparing(ContactAttempt::at));
        } else {
            deferred.insertNow("contact_attempt", COLUMNS, row);
        }
        firstCommunications.recorded(by, accountId, attempt);
        return id;
    }

    /** The account's attempts since an instant, oldest first: what the frequency rules count. */
    public List<ContactAttempt> since(TenantId tenant, UUID accountId, Instant since) {
        Remembered remembered = TransactionMemo.peek(MEMO, List.of(tenant, accountId));
        if (remembered != null && !since.isBefore(remembered.since())) {
            return remembered.attempts().stream().filter(attempt -> !attempt.at().isBefore(since)).toList();
        }
        return attempts(tenant, List.of(accountId), since).getOrDefault(accountId, List.of());
    }

    /**
     * Reads the attempts of many accounts since an instant with one query and, in a transaction whose memo is open,
     * answers {@link #since} from them (with the attempts recorded meanwhile) for the rest of the transaction.
     */
    void preload(TenantId tenant, List<AccountId> accounts, Instant since) {
        List<UUID> ids = accounts.stream().map(AccountId::value).distinct().toList();
        Map<UUID, List<ContactAttempt>> found = attempts(tenant, ids, since);
        for (UUID account : ids) {
            TransactionMemo.put(MEMO, List.of(tenant, account),
                    new Remembered(since, new ArrayList<>(found.getOrDefault(account, List.of()))));
        }
    }

    private Map<UUID, List<ContactAttempt>> attempts(TenantId tenant, List<UUID> accounts, Instant since) {
        Map<UUID, List<ContactAttempt>> byAccount = new HashMap<>();
        if (accounts.isEmpty()) {
            return byAccount;
        }
        List<Object> params = SqlIn.params(accounts, tenant.value());
        params.add(Timestamp.from(since));
        jdbc.sql("""
                select account_id, at, channel, direction, address_enc, debt_ids, outcome from contact_attempt
                where tenant_id = ? and account_id in (%s) and at >= ? order by at, id"""
                        .formatted(SqlIn.placeholders(accounts)))
                .params(params)
                .query((rs, n) -> byAccount.computeIfAbsent(rs.getObject("account_id", UUID.class), k -> new ArrayList<>())
                        .add(new ContactAttempt(rs.getTimestamp("at").toInstant(), Channel.valueOf(rs.getString("channel")),
                                Direction.valueOf(rs.getString("direction")),
                                cipher.decrypt(tenant, ADDRESS, rs.getString("address_enc")),
                                rs.getString("debt_ids").isEmpty() ? List.of() : Arrays.asList(rs.getString("debt_ids").split(",")),
                                Outcome.valueOf(rs.getString("outcome")), null)))
                .list();
        return byAccount;
    }

    /** An account's attempts since an instant, as a batch read them, with the ones it recorded since. */
    private record Remembered(Instant since, List<ContactAttempt> attempts) {
    }
}
