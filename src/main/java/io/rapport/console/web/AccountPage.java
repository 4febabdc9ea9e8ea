package io.rapport.console.web;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountHolds;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.campaigns.PaymentRequests;
import io.rapport.accounts.HoldKind;
import io.rapport.accounts.InconvenientPlace;
import io.rapport.accounts.NewHold;
import io.rapport.compliance.ContactDecisions;
import io.rapport.compliance.ScheduledNotice;
import io.rapport.compliance.ValidationNoticeDelivery;
import io.rapport.compliance.ValidationNotices;
import io.rapport.platform.Conflict;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One account as an agent works it: the consumer, how to reach them and what they agreed to,
 * each debt with its itemization, holds and flags, and the history. The "May I contact now?"
 * panel answers for now or for an instant the reader chooses, in the consumer's local time or UTC.
 * Supervisors, compliance staff and admins place and release holds and flags here (the security
 * rules refuse anyone else). An id that is malformed, unknown or another tenant's answers the same 404.
 */
@Controller
class AccountPage {

    static final int TIMELINE_ENTRIES = 100;

    /** Kinds placed on the account or one of its debts with a reason alone. */
    static final List<HoldKind> SIMPLE_KINDS = Arrays.stream(HoldKind.values())
            .filter(k -> k != HoldKind.INCONVENIENT_TIME && k != HoldKind.INCONVENIENT_PLACE && k != HoldKind.EMPLOYER_EMAIL)
            .toList();

    private final Accounts accounts;
    private final AccountHistory history;
    private final AccountHolds holds;
    private final ContactDecisions contactDecisions;
    private final ValidationNoticeDelivery notices;
    private final PaymentRequests paymentRequests;

    AccountPage(Accounts accounts, AccountHistory history, AccountHolds holds, ContactDecisions contactDecisions,
            ValidationNoticeDelivery notices, PaymentRequests paymentRequests) {
        this.notices = notices;
        this.paymentRequests = paymentRequests;
        this.accounts = accounts;
        this.history = history;
        this.holds = holds;
        this.contactDecisions = contactDecisions;
    }

    @GetMapping("/console/accounts/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) String at,
            @RequestParam(required = false) String zone, Model model) {
        var tenant = CurrentActor.tenantId();
        AccountId accountId = parse(id);
        AccountDetails account = accounts.find(tenant, accountId).orElseThrow(() -> new NotFound("account", id));
        model.addAttribute("account", account);
        model.addAttribute("timeline", history.list(tenant, accountId, null, TIMELINE_ENTRIES));
        ZoneId local = contactDecisions.zones(tenant, accountId).get(0);
        boolean utc = "UTC".equals(zone);
        model.addAttribute("localZone", local);
        model.addAttribute("asOfZone", utc ? "UTC" : "local");
        model.addAttribute("asOfValue", at == null ? "" : at);
        Instant asOf = null;
        if (at != null && !at.isBlank()) {
            try {
                asOf = LocalDateTime.parse(at.trim()).atZone(utc ? ZoneOffset.UTC : local).toInstant();
            } catch (DateTimeException e) {
                model.addAttribute("asOfError", "Give a date and time such as 2026-12-15T20:59.");
            }
        }
        model.addAttribute("asOf", asOf);
        model.addAttribute("contactNow", asOf == null ? contactDecisions.now(tenant, accountId)
                : contactDecisions.at(tenant, accountId, asOf));
        model.addAttribute("notices", notices.forAccount(tenant, accountId).stream()
                .collect(Collectors.toMap(ScheduledNotice::debtId, n -> n)));
        model.addAttribute("simpleKinds", SIMPLE_KINDS);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("places", InconvenientPlace.values());
        model.addAttribute("activeHolds", account.holds().stream().filter(AccountDetails.Hold::isActive).toList());
        model.addAttribute("releasedHolds", account.holds().stream().filter(h -> !h.isActive()).toList());
        model.addAttribute("paymentRequests", paymentRequests.forAccount(tenant, accountId));
        // A fresh key per rendering: the form it goes in creates or sends at most once, however often it is posted.
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "console/account";
    }

    @PostMapping("/console/accounts/{id}/holds")
    String place(@PathVariable String id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String debtId, @RequestParam(required = false) String contactPointId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) List<String> days, @RequestParam(required = false) String place,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String asOfZone, RedirectAttributes redirect) {
        AccountId account = parse(id);
        try {
            NewHold hold = new NewHold(enumOf(HoldKind.class, kind, "kind"), uuid(debtId, "debtId"),
                    uuid(contactPointId, "contactPointId"), time(from, "from"), time(to, "to"), days(days),
                    enumOf(InconvenientPlace.class, place, "place"), reason);
            holds.place(CurrentActor.get(), account, hold);
            redirect.addFlashAttribute("notice", words(hold.kind()) + " placed.");
        } catch (InvalidRequest e) {
            redirect.addFlashAttribute("problem", "Not placed: " + describe(e));
        }
        return back(account, asOf, asOfZone);
    }

    @PostMapping("/console/accounts/{id}/holds/{holdId}/release")
    String release(@PathVariable String id, @PathVariable String holdId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String asOfZone,
            RedirectAttributes redirect) {
        AccountId account = parse(id);
        try {
            holds.release(CurrentActor.get(), account, UUID.fromString(holdId), reason);
            redirect.addFlashAttribute("notice", "Released.");
        } catch (InvalidRequest e) {
            redirect.addFlashAttribute("problem", "Not released: " + describe(e));
        } catch (IllegalArgumentException e) {
            throw new NotFound("active hold", holdId);
        }
        return back(account, asOf, asOfZone);
    }

    @PostMapping("/console/accounts/{id}/debts/{debtId}/validation-notice")
    String sendNotice(@PathVariable String id, @PathVariable String debtId, @RequestParam(required = false) String channel,
            RedirectAttributes redirect) {
        AccountId account = parse(id);
        UUID debt;
        try {
            debt = UUID.fromString(debtId);
        } catch (IllegalArgumentException e) {
            throw new NotFound("debt", debtId);
        }
        try {
            ValidationNoticeDelivery.Attempt attempt = notices.sendNow(CurrentActor.get(), account, debt,
                    enumOf(ValidationNotices.Delivery.class, channel, "channel"));
            ScheduledNotice notice = attempt.notice();
            if (attempt.sent()) {
                redirect.addFlashAttribute("notice", "Validation notice sent by " + notice.channel().toLowerCase() + " on "
                        + notice.sentOn() + "; the validation period ends " + notice.validationPeriodEndsOn() + ".");
            } else {
                redirect.addFlashAttribute("problem", "Validation notice not sent: " + notice.problem());
            }
        } catch (InvalidRequest e) {
            redirect.addFlashAttribute("problem", "Validation notice not sent: " + describe(e));
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", "Validation notice not sent: " + e.getMessage());
        }
        return back(account, null, null);
    }

    /** Back to the account, asking the contact panel about the same instant as before. */
    static String back(AccountId account, String asOf, String asOfZone) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/accounts/{id}");
        if (asOf != null && !asOf.isBlank()) {
            uri.queryParam("at", asOf.trim());
            if ("UTC".equals(asOfZone)) {
                uri.queryParam("zone", "UTC");
            }
        }
        return "redirect:" + uri.buildAndExpand(account.value()).encode().toUriString();
    }

    static String describe(InvalidRequest e) {
        return e.errors().stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
    }

    private static String words(HoldKind kind) {
        String text = kind.name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(field, "'" + value + "' is not one of the choices");
        }
    }

    private static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(field, "is not one of the choices");
        }
    }

    private static LocalTime time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeException e) {
            throw InvalidRequest.of(field, "'" + value + "' is not a time (HH:mm)");
        }
    }

    private static Set<DayOfWeek> days(List<String> names) {
        Set<DayOfWeek> days = new HashSet<>();
        if (names != null) {
            for (String name : names) {
                days.add(enumOf(DayOfWeek.class, name, "days"));
            }
        }
        return days;
    }

    static AccountId parse(String id) {
        try {
            return new AccountId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFound("account", id);
        }
    }
}
