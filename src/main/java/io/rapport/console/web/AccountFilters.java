package io.rapport.console.web;

import io.rapport.accounts.AccountQuery;
import io.rapport.accounts.AccountStatus;
import io.rapport.accounts.Creditor;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The account list's search box and filters exactly as typed, and what they mean as an
 * {@link AccountQuery}. Input that does not read (a balance of "abc", a range the wrong way
 * round) becomes a message for that field instead of an error page.
 */
public record AccountFilters(String q, String creditor, String status, String balanceFrom, String balanceTo,
        String daysFrom, String daysTo, String limit) {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    /** The query, or the messages per field (form field name to message) when some input does not read. */
    record Reading(AccountQuery query, int limit, Map<String, String> errors) {

        boolean isValid() {
            return errors.isEmpty();
        }
    }

    Reading read(List<Creditor> creditors) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID creditorId = null;
        if (present(creditor)) {
            creditorId = creditors.stream().map(Creditor::id).filter(id -> id.toString().equals(creditor.trim()))
                    .findFirst().orElse(null);
            if (creditorId == null) {
                errors.put("creditor", "Choose a creditor from the list.");
            }
        }
        AccountStatus accountStatus = null;
        if (present(status)) {
            try {
                accountStatus = AccountStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("status", "Choose a status from the list.");
            }
        }
        Long minBalance = cents("balanceFrom", balanceFrom, errors);
        Long maxBalance = cents("balanceTo", balanceTo, errors);
        if (minBalance != null && maxBalance != null && minBalance > maxBalance) {
            errors.put("balanceTo", "Must be at least the \"from\" amount.");
        }
        Integer minDays = days("daysFrom", daysFrom, errors);
        Integer maxDays = days("daysTo", daysTo, errors);
        if (minDays != null && maxDays != null && minDays > maxDays) {
            errors.put("daysTo", "Must be at least the \"from\" number of days.");
        }
        int rows = DEFAULT_LIMIT;
        if (present(limit)) {
            try {
                rows = Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(limit.trim())));
            } catch (NumberFormatException e) {
                rows = DEFAULT_LIMIT;
            }
        }
        String text = present(q) ? q.trim() : null;
        return new Reading(new AccountQuery(text, creditorId, accountStatus, minBalance, maxBalance, minDays, maxDays),
                rows, errors);
    }

    /** The address of this same search from the given cursor on; blank fields are left out. */
    String pageLink(String cursor) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/console/accounts");
        add(link, "q", q);
        add(link, "creditor", creditor);
        add(link, "status", status);
        add(link, "balanceFrom", balanceFrom);
        add(link, "balanceTo", balanceTo);
        add(link, "daysFrom", daysFrom);
        add(link, "daysTo", daysTo);
        add(link, "limit", limit);
        add(link, "cursor", cursor);
        return link.encode().build().toUriString();
    }

    boolean isFiltered() {
        return present(q) || present(creditor) || present(status) || present(balanceFrom) || present(balanceTo)
                || present(daysFrom) || present(daysTo);
    }

    private static void add(UriComponentsBuilder link, String name, String value) {
        if (present(value)) {
            link.queryParam(name, value.trim());
        }
    }

    private static Long cents(String field, String dollars, Map<String, String> errors) {
        if (!present(dollars)) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(dollars.trim().replace("$", "").replace(",", ""));
            if (amount.signum() < 0) {
                errors.put(field, "Enter an amount of zero or more, like 1500 or 1,500.00.");
                return null;
            }
            if (amount.stripTrailingZeros().scale() > 2) {
                errors.put(field, "Enter dollars and cents, at most two decimals.");
                return null;
            }
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.put(field, "Enter an amount in dollars, like 1500 or 1,500.00.");
            return null;
        }
    }

    private static Integer days(String field, String value, Map<String, String> errors) {
        if (!present(value)) {
            return null;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days < 0 || days > 36_500) {
                errors.put(field, "Enter a whole number of days from 0 to 36500.");
                return null;
            }
            return days;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number of days, like 90.");
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
