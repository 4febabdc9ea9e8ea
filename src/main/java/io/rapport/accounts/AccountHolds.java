package io.rapport.accounts;

import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.InvalidRequest.FieldError;
import io.rapport.platform.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places and releases holds and flags. Each records who placed it, when and why, and who released it and why; both
 * go to the account's timeline and the audit log. The account's status follows its active holds (a dispute makes it
 * DISPUTED, any other hold ON_HOLD); flags leave it as it is.
 */
@Service
public class AccountHolds {

    static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccountHistory history;
    private final AuditLog audit;
    private final Clock clock;

    AccountHolds(JdbcClient jdbc, Accounts accounts, AccountHistory history, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID place(Actor by, AccountId account, UUID debtId, HoldKind kind, String reason) {
        return place(by, account, NewHold.of(kind, debtId, reason));
    }

    /**
     * Places a hold or flag.
     *
     * @throws InvalidRequest naming each field the kind needs and did not get, or got and does not take
     * @throws NotFound       when the tenant has no such account
     */
    @Transactional
    public UUID place(Actor by, AccountId account, NewHold hold) {
        accounts.require(by.tenantId(), account);
        check(by, account, hold);
        UUID id = Ids.next();
        jdbc.sql("""
                insert into account_hold (id, tenant_id, account_id, debt_id, kind, reason, placed_by, placed_at,
                    contact_point_id, window_from, window_to, days, place)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, by.tenantId().value(), account.value(), hold.debtId(), hold.kind().name(), hold.reason().strip(),
                        by.label(), Timestamp.from(clock.instant()), hold.contactPointId(),
                        hold.from() == null ? null : hold.from().toString(), hold.to() == null ? null : hold.to().toString(),
                        hold.days().isEmpty() ? null : hold.days().stream().sorted().map(DayOfWeek::name)
                                .collect(Collectors.joining(",")),
                        hold.place() == null ? null : hold.place().name())
                .update();
        String before = status(by, account);
        String after = refreshStatus(by, account);
        String what = describe(hold);
        Accounts.changed(by.tenantId(), account);
        history.record(by, account, "HOLD_PLACED", what + " placed" + (hold.debtId() == null ? "" : " on one debt") + ": "
                + hold.reason().strip());
        Map<String, Object> placed = new LinkedHashMap<>();
        placed.put("status", after);
        placed.put("hold", id);
        placed.put("kind", hold.kind());
        placed.put("what", what);
        placed.put("reason", hold.reason().strip());
        if (hold.debtId() != null) {
            placed.put("debt", hold.debtId());
        }
        audit.record(by, "hold.placed", "Account", account, Map.of("status", before), placed);
        return id;
    }

    /** Releases an active hold or flag, saying why. */
    @Transactional
    public void release(Actor by, AccountId account, UUID holdId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw InvalidRequest.of("reason", "is required, at most " + MAX_REASON + " characters: say why it is released");
        }
        accounts.require(by.tenantId(), account);
        String kind = jdbc.sql("select kind from account_hold where id = ? and account_id = ? and tenant_id = ? and released_at is null")
                .params(holdId, account.value(), by.tenantId().value()).query(String.class).optional()
                .orElseThrow(() -> new NotFound("active hold", holdId));
        jdbc.sql("""
                update account_hold set released_at = ?, released_by = ?, release_reason = ?
                where id = ? and account_id = ? and tenant_id = ? and released_at is null""")
                .params(Timestamp.from(clock.instant()), by.label(), reason.strip(), holdId, account.value(),
                        by.tenantId().value())
                .update();
        String before = status(by, account);
        String after = refreshStatus(by, account);
        Accounts.changed(by.tenantId(), account);
        history.record(by, account, "HOLD_RELEASED", HoldKind.valueOf(kind) + " released: " + reason.strip());
        audit.record(by, "hold.released", "Account", account, Map.of("status", before, "hold", holdId, "kind", kind),
                Map.of("status", after, "reason", reason.strip()));
    }

    private void check(Actor by, AccountId account, NewHold hold) {
        List<FieldError> errors = new ArrayList<>();
        if (hold.kind() == null) {
            throw InvalidRequest.of("kind", "is required");
        }
        if (hold.reason() == null || hold.reason().isBlank() || hold.reason().length() > MAX_REASON) {
            errors.add(new FieldError("reason", "is required, at most " + MAX_REASON + " characters: say why it is placed"));
        }
        HoldKind kind = hold.kind();
        if (hold.debtId() != null && jdbc.sql("select count(*) from debt where id = ? and account_id = ? and tenant_id = ?")
                .params(hold.debtId(), account.value(), by.tenantId().value()).query(Integer.class).single() == 0) {
            errors.add(new FieldError("debtId", "is not a debt of this account"));
        }
        boolean perDebt = kind.effect() != HoldKind.Effect.FLAG || kind == HoldKind.VERIFICATION_SENT || kind == HoldKind.TIME_BARRED;
        if (hold.debtId() != null && !perDebt) {
            errors.add(new FieldError("debtId", "does not apply to " + kind + ": it concerns the consumer, not one debt"));
        }
        if (kind == HoldKind.EMPLOYER_EMAIL) {
            if (hold.contactPointId() == null) {
                errors.add(new FieldError("contactPointId", "is required: the email address the employer issued"));
            } else if (jdbc.sql("""
                    select count(*) from contact_point where id = ? and account_id = ? and tenant_id = ? and kind = 'EMAIL'""")
                    .params(hold.contactPointId(), account.value(), by.tenantId().value()).query(Integer.class).single() == 0) {
                errors.add(new FieldError("contactPointId", "is not an email address of this account"));
            }
        } else if (hold.contactPointId() != null) {
            errors.add(new FieldError("contactPointId", "applies only to EMPLOYER_EMAIL"));
        }
        if (kind == HoldKind.INCONVENIENT_TIME) {
            if ((hold.from() == null) != (hold.to() == null)) {
                errors.add(new FieldError(hold.from() == null ? "from" : "to",
                        "is required with the other end of the window (HH:mm; from 00:00 to 10:00 means \"not before 10:00\")"));
            } else if (hold.from() == null && hold.days().isEmpty()) {
                errors.add(new FieldError("from", "give a local time window (from, to) or the days, or both"));
            } else if (hold.from() != null && hold.from().equals(hold.to()) && hold.days().isEmpty()) {
                errors.add(new FieldError("to", "equals from, which means every hour of every day: give days or a window"));
            }
        } else {
            if (hold.from() != null) {
                errors.add(new FieldError("from", "applies only to INCONVENIENT_TIME"));
            }
            if (hold.to() != null) {
                errors.add(new FieldError("to", "applies only to INCONVENIENT_TIME"));
            }
            if (!hold.days().isEmpty()) {
                errors.add(new FieldError("days", "applies only to INCONVENIENT_TIME"));
            }
        }
        if (kind == HoldKind.INCONVENIENT_PLACE && hold.place() == null) {
            errors.add(new FieldError("place", "is required: WORK"));
        } else if (kind != HoldKind.INCONVENIENT_PLACE && hold.place() != null) {
            errors.add(new FieldError("place", "applies only to INCONVENIENT_PLACE"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    /** "INCONVENIENT_TIME 00:00-10:00 on SUNDAY" and the like, for the timeline. */
    static String describe(NewHold hold) {
        StringBuilder what = new StringBuilder(hold.kind().name());
        if (hold.from() != null) {
            what.append(' ').append(hold.from()).append('-').append(hold.to());
        }
        if (!hold.days().isEmpty()) {
            what.append(" on ").append(hold.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(", ")));
        }
        if (hold.place() != null) {
            what.append(" at ").append(hold.place());
        }
        if (hold.contactPointId() != null) {
            what.append(" on one email address");
        }
        return what.toString();
    }

    private String status(Actor by, AccountId account) {
        return jdbc.sql("select status from account where id = ? and tenant_id = ?")
                .params(account.value(), by.tenantId().value()).query(String.class).single();
    }

    /** PAID and CLOSED accounts keep their status; otherwise the active holds decide it, flags aside. */
    private String refreshStatus(Actor by, AccountId account) {
        jdbc.sql("""
                update account set status = case
                    when status in ('PAID', 'CLOSED') then status
                    when exists (select 1 from account_hold h where h.account_id = account.id and h.released_at is null
                                 and h.kind in (%s)) then 'ON_HOLD'
                    when exists (select 1 from account_hold h where h.account_id = account.id and h.released_at is null
                                 and h.kind in (%s)) then 'DISPUTED'
                    else 'ACTIVE' end,
                  updated_at = ?
                where id = ? and tenant_id = ?""".formatted(kinds(HoldKind.Effect.HOLD), kinds(HoldKind.Effect.DISPUTE)))
                .params(Timestamp.from(clock.instant()), account.value(), by.tenantId().value())
                .update();
        return status(by, account);
    }

    /** The kinds as SQL literals; they come from the enum, never from input. */
    private static String kinds(HoldKind.Effect effect) {
        return HoldKind.withEffect(effect).stream().map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
    }
}
