package io.rapport.campaigns;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.compliance.ContactDecisions;
import io.rapport.compliance.GateDecision;
import io.rapport.compliance.Purpose;
import io.rapport.messaging.Channel;
import io.rapport.messaging.MessageTemplate;
import io.rapport.messaging.MessageTemplates;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.platform.CellValues;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.Money;
import io.rapport.platform.SpreadsheetRows;
import io.rapport.platform.TransactionMemo;
import io.rapport.platform.SpreadsheetRows.SpreadsheetProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a bulk send's file and checks every row as the payment request it will become (the account, amount, channel
 * and address, settlement offer, and the template's {@code row.*} fields), queueing each good row as an item and
 * recording each bad one with its column and reason. When the send awaits confirmation, the contact gate is also
 * asked, without sending, what it would decide now for each queued row. Validation writes nothing that a rerun would
 * duplicate: it starts by clearing what an interrupted run left.
 */
@Component
class BulkSendValidation {

    static final String FIELDS = "bulk-send-fields";
    private static final int BATCH = 500;
    private static final int MAX_STORED_ERRORS = 100_000;
    private static final Set<String> LAYOUT = Set.of("accountref", "amount", "channel", "settlementamount", "settlementvaliduntil");
    private static final Map<String, String> FIELD_TO_COLUMN = Map.of("accountId", "account_ref", "amount.amount", "amount",
            "amount.currency", "amount", "settlementOffer.amount", "settlement_amount", "settlementOffer.amount.currency",
            "settlement_amount", "settlementOffer.validUntil", "settlement_valid_until", "channels[0]", "channel",
            "expiresAt", "expiresInDays");

    private final Accounts accounts;
    private final PaymentRequests requests;
    private final PaymentLinks links;
    private final PaymentRequestTemplates templates;
    private final MessageTemplates messageTemplates;
    private final ContactDecisions decisions;
    private final ConsumerDataCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    BulkSendValidation(Accounts accounts, PaymentRequests requests, PaymentLinks links, PaymentRequestTemplates templates,
            MessageTemplates messageTemplates, ContactDecisions decisions, ConsumerDataCipher cipher, JdbcTemplate jdbc,
            TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.requests = requests;
        this.links = links;
        this.templates = templates;
        this.messageTemplates = messageTemplates;
        this.decisions = decisions;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** A good row, ready to queue. */
    private record Item(long row, AccountId account, Channel channel, String currency, Money amount,
            PaymentRequest.SettlementOffer offer,
            Map<String, String> fields, Boolean previewAllowed, String previewReasons) {
    }

    /**
     * Validates the whole file; answers false when the file itself cannot be read (the bulk send is then FAILED with
     * the reason).
     */
    boolean run(BulkSends.Job job, boolean askGate) {
        jdbc.update("delete from bulk_send_item where bulk_send_id = ?", job.id());
        jdbc.update("delete from bulk_send_error where bulk_send_id = ?", job.id());
        jdbc.update("update bulk_send set total = 0, accepted = 0, rejected = 0, percent_read = 0, failure = null where id = ?", job.id());
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(job.expiresInDays()));
        Map<TemplateKey, Optional<MessageTemplate>> templateCache = new HashMap<>();
        try (SpreadsheetRows rows = SpreadsheetRows.open(job.file())) {
            if (!rows.headers().contains("accountref")) {
                throw new SpreadsheetProblem("The file has no column account_ref. The first row must name the columns "
                        + "(account_ref, and optionally amount, channel, settlement_amount, settlement_valid_until and merge fields).");
            }
            long[] stored = {0};
            List<SpreadsheetRows.Line> lines = new ArrayList<>(BATCH);
            while (rows.hasNext()) {
                SpreadsheetRows.Line line = rows.next();
                if (line.values().values().stream().allMatch(value -> value == null || value.isBlank())) {
                    continue;
                }
                lines.add(line);
                if (lines.size() >= BATCH) {
                    validate(job, lines, now, expiresAt, templateCache, askGate, rows.percentRead(), stored);
                    lines = new ArrayList<>(BATCH);
                }
            }
            validate(job, lines, now, expiresAt, templateCache, askGate, 100, stored);
            return true;
        } catch (SpreadsheetProblem problem) {
            jdbc.update("update bulk_send set status = 'FAILED', failure = ?, finished_at = ? where id = ?",
                    problem.getMessage(), Timestamp.from(clock.instant()), job.id());
            return false;
        }
    }

    /**
     * Checks a batch of lines and writes the outcome, in one transaction that reads their accounts (and, for the
     * preview, what the gate needs) with a few queries for the whole batch.
     */
    private void validate(BulkSends.Job job, List<SpreadsheetRows.Line> lines, Instant now, Instant expiresAt,
            Map<TemplateKey, Optional<MessageTemplate>> templateCache, boolean askGate, int percent, long[] stored) {
        transactions.executeWithoutResult(tx -> {
            TransactionMemo.open();
            Map<String, AccountId> byReference = accounts.findByReferences(job.tenant(),
                    lines.stream().map(line -> line.get("account_ref")).filter(java.util.Objects::nonNull).toList());
            requests.prepare(job.tenant(), List.copyOf(new java.util.LinkedHashSet<>(byReference.values())), List.of(), askGate);
            List<Item> items = new ArrayList<>();
            List<BulkSendStatus.RowError> errors = new ArrayList<>();
            for (SpreadsheetRows.Line line : lines) {
                List<BulkSendStatus.RowError> problems = new ArrayList<>();
                Item item = read(job, line, byReference, now, expiresAt, templateCache, problems, askGate);
                if (item != null) {
                    items.add(item);
                } else {
                    errors.addAll(problems);
                }
            }
            flush(job, items, rejectedRows(errors), errors, percent, stored);
        });
    }

    private static long rejectedRows(List<BulkSendStatus.RowError> errors) {
        return errors.stream().map(BulkSendStatus.RowError::row).distinct().count();
    }

    private Item read(BulkSends.Job job, SpreadsheetRows.Line line, Map<String, AccountId> byReference, Instant now,
            Instant expiresAt,
            Map<TemplateKey, Optional<MessageTemplate>> templateCache, List<BulkSendStatus.RowError> problems,
            boolean askGate) {
        long row = line.number();
        String ref = line.get("account_ref");
        if (ref == null) {
            problems.add(new BulkSendStatus.RowError(row, "account_ref", "is required"));
            return null;
        }
        Optional<AccountDetails> found = Optional.ofNullable(byReference.get(ref)).flatMap(id -> accounts.find(job.tenant(), id));
        if (found.isEmpty()) {
            problems.add(new BulkSendStatus.RowError(row, "account_ref", "no account has the reference '" + CellValues.shorten(ref) + "'"));
            return null;
        }
        AccountDetails account = found.get();
        String currency = account.balance().currency();
        Money amount = null;
        if (line.get("amount") != null) {
            try {
                amount = Money.of(CellValues.cents(line.get("amount")), currency);
            } catch (IllegalArgumentException e) {
                problems.add(new BulkSendStatus.RowError(row, "amount", e.getMessage()));
            }
        }
        Channel channel;
        if (line.get("channel") == null) {
            channel = requests.preferredChannel(job.tenant(), account);
        } else {
            try {
                channel = Channel.valueOf(line.get("channel").trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                channel = null;
                problems.add(new BulkSendStatus.RowError(row, "channel", "'" + CellValues.shorten(line.get("channel")) + "' is not EMAIL, SMS or LETTER"));
            }
        }
        PaymentRequest.SettlementOffer offer = settlement(line, currency, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        Money asked = amount == null ? account.balance() : amount;
        PaymentRequests.Checked checked = requests.check(account, asked, expiresAt, offer, List.of(channel), now);
        for (InvalidRequest.FieldError error : checked.errors()) {
            problems.add(new BulkSendStatus.RowError(row, FIELD_TO_COLUMN.getOrDefault(error.field(), error.field()), error.message()));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Channel on = channel;
        Optional<MessageTemplate> template = templateCache.computeIfAbsent(
                new TemplateKey(account.creditor().id(), on, account.consumer().language()),
                key -> templates.forRequest(job.tenant(), account, on, job.template())
                        .flatMap(id -> messageTemplates.find(job.tenant(), id)));
        if (template.isEmpty()) {
            problems.add(new BulkSendStatus.RowError(row, "channel", "the creditor has no " + on + " template named '"
                    + job.template() + "'"));
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        line.values().forEach((column, value) -> {
            if (!LAYOUT.contains(column) && value != null && !value.isBlank()) {
                fields.put(column, value.trim());
            }
        });
        for (String field : template.get().requiredRowFields()) {
            if (!fields.containsKey(SpreadsheetRows.normalize(field))) {
                problems.add(new BulkSendStatus.RowError(row, field, "the template prints {{row." + field + "}} but this row has no value for it"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Boolean allowed = null;
        String reasons = null;
        if (askGate) {
            GateDecision decision = wouldDecide(job, account, checked.targets().get(0), template.get(), asked, offer, expiresAt,
                    fields, now);
            allowed = decision.isAllowed();
            reasons = decision.reasons().stream().map(r -> r.rule() + ": " + r.message()).collect(Collectors.joining("; "));
            reasons = reasons.isEmpty() ? null : shorten(reasons, 500);
        }
        return new Item(row, account.id(), on, currency, amount, offer, fields, allowed, reasons);
    }

    /**
     * What the gate would decide now about the row's message: rendered from its template for its account, with the
     * row's fields and a link of the real shape (the link itself is made only when the row is sent), as the send
     * itself will be judged. Nothing is sent or recorded.
     */
    private GateDecision wouldDecide(BulkSends.Job job, AccountDetails account, ChannelChoice.Target target,
            MessageTemplate template, Money amount, PaymentRequest.SettlementOffer offer, Instant expiresAt,
            Map<String, String> fields, Instant now) {
        PaymentRequestDetails details = PaymentRequests.details(amount, links.url(links.newToken()), expiresAt, offer, fields);
        MessageTemplates.Preview preview = messageTemplates.preview(job.tenant(), template.id(), account.id(), details);
        String content = preview.subject() == null ? preview.text() : preview.subject() + "\n" + preview.text();
        return decisions.decide(job.tenant(), account.id(), io.rapport.compliance.Channel.valueOf(target.channel().name()),
                target.address(), Purpose.COLLECTION, content, now);
    }

    private record TemplateKey(UUID creditor, Channel channel, String language) {
    }

    private static PaymentRequest.SettlementOffer settlement(SpreadsheetRows.Line line, String currency,
            List<BulkSendStatus.RowError> problems) {
        String amount = line.get("settlement_amount");
        String until = line.get("settlement_valid_until");
        if (amount == null && until == null) {
            return null;
        }
        if (amount == null || until == null) {
            problems.add(new BulkSendStatus.RowError(line.number(), amount == null ? "settlement_amount" : "settlement_valid_until",
                    "is required with " + (amount == null ? "settlement_valid_until" : "settlement_amount")));
            return null;
        }
        Money offered = null;
        LocalDate validUntil = null;
        try {
            offered = Money.of(CellValues.cents(amount), currency);
        } catch (IllegalArgumentException e) {
            problems.add(new BulkSendStatus.RowError(line.number(), "settlement_amount", e.getMessage()));
        }
        try {
            validUntil = CellValues.date(until);
        } catch (IllegalArgumentException e) {
            problems.add(new BulkSendStatus.RowError(line.number(), "settlement_valid_until", e.getMessage()));
        }
        return offered == null || validUntil == null ? null : new PaymentRequest.SettlementOffer(offered, validUntil);
    }

    /** Writes a batch of items and rejected rows with the counts, in one transaction. */
    private void flush(BulkSends.Job job, List<Item> items, long rejected, List<BulkSendStatus.RowError> errors, int percent,
            long[] stored) {
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(tx -> {
            List<Object[]> rows = new ArrayList<>(items.size());
            for (Item item : items) {
                rows.add(new Object[] {Ids.next(), job.tenant().value(), job.id(), item.row(), item.account().value(),
                        item.channel().name(), item.amount() == null ? null : item.amount().amount(),
                        item.currency(),
                        item.offer() == null ? null : item.offer().amount().amount(),
                        item.offer() == null ? null : item.offer().validUntil(),
                        item.fields().isEmpty() ? null : cipher.encrypt(job.tenant(), FIELDS, json.writeValueAsString(item.fields())),
                        item.previewAllowed(), item.previewReasons(), now});
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("""
                        insert into bulk_send_item (id, tenant_id, bulk_send_id, row_number, account_id, channel, amount_minor,
                            currency, settlement_amount_minor, settlement_valid_until, fields_enc, status, preview_allowed,
                            preview_reasons, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""", rows);
            }
            List<Object[]> errorRows = new ArrayList<>();
            for (BulkSendStatus.RowError error : errors) {
                if (stored[0]++ < MAX_STORED_ERRORS) {
                    errorRows.add(new Object[] {job.id(), error.row(), error.column(), shorten(error.message(), 1000)});
                }
            }
            if (!errorRows.isEmpty()) {
                jdbc.batchUpdate("insert into bulk_send_error (bulk_send_id, row_number, column_name, message) values (?, ?, ?, ?)",
                        errorRows);
            }
            jdbc.update("""
                    update bulk_send set total = total + ?, accepted = accepted + ?, rejected = rejected + ?,
                        percent_read = greatest(percent_read, ?), heartbeat_at = ?
                    where id = ?""", items.size() + rejected, items.size(), rejected, percent, now, job.id());
        });
    }

    private static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
