package io.rapport.console.web;

import io.rapport.accounts.AccountId;
import io.rapport.campaigns.NewPaymentRequest;
import io.rapport.campaigns.PaymentRequest;
import io.rapport.campaigns.PaymentRequestId;
import io.rapport.campaigns.PaymentRequests;
import io.rapport.messaging.Channel;
import io.rapport.platform.Actor;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.Money;
import io.rapport.platform.NotFound;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account page's payment requests: an agent creates a payment link (sent at once on the channels ticked, or
 * not sent, to read out on a call) and sends an open one by text or email while on the phone. Every send goes through
 * the contact gate; the page says what the gate decided. Each form carries a one-time key, so a double click or a
 * resubmitted form creates or sends nothing twice.
 */
@Controller
class PaymentRequestPanel {

    private final PaymentRequests requests;
    private final Clock clock;

    PaymentRequestPanel(PaymentRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @PostMapping("/console/accounts/{id}/payment-requests")
    String create(@PathVariable String id, @RequestParam(required = false) String amount,
            @RequestParam(required = false, defaultValue = "14") int expiresInDays,
            @RequestParam(required = false) List<Channel> channels,
            @RequestParam(required = false) String settlementAmount, @RequestParam(required = false) String settlementValidUntil,
            @RequestParam(defaultValue = "USD") String currency, @RequestParam String formKey, RedirectAttributes redirect) {
        Actor by = requireAgent();
        AccountId account = accountId(id);
        try {
            Money asked = blank(amount) ? null : money(amount, currency, "amount");
            PaymentRequest.SettlementOffer offer = blank(settlementAmount) ? null
                    : new PaymentRequest.SettlementOffer(money(settlementAmount, currency, "settlementAmount"),
                            date(settlementValidUntil));
            PaymentRequest created = requests.create(by, new NewPaymentRequest(account, asked, channels == null ? List.of() : channels,
                    clock.instant().plus(Duration.ofDays(expiresInDays)), true, offer, null, "console:" + formKey, null, null));
            redirect.addFlashAttribute("paymentNotice", "Payment link created: " + outcome(created));
        } catch (InvalidRequest e) {
            redirect.addFlashAttribute("paymentProblem", problem(e));
        }
        return "redirect:/console/accounts/" + id + "#payment-requests-heading";
    }

    @PostMapping("/console/accounts/{id}/payment-requests/{requestId}/send")
    String send(@PathVariable String id, @PathVariable String requestId, @RequestParam Channel channel,
            @RequestParam String formKey, RedirectAttributes redirect) {
        Actor by = requireAgent();
        AccountId account = accountId(id);
        PaymentRequestId paymentRequest = PaymentRequestId.of(requestId);
        PaymentRequest found = requests.find(by.tenantId(), paymentRequest)
                .filter(request -> request.accountId().equals(account))
                .orElseThrow(() -> new NotFound("payment request", requestId));
        try {
            PaymentRequest sent = requests.sendNow(by, found.id(), List.of(channel), "console:" + formKey);
            PaymentRequest.Send last = sent.sends().get(sent.sends().size() - 1);
            redirect.addFlashAttribute(last.allowed() ? "paymentNotice" : "paymentProblem", last.allowed()
                    ? "Sent by " + channel.name().toLowerCase() + "."
                    : "Not sent by " + channel.name().toLowerCase() + ": " + reasons(last) + ".");
        } catch (InvalidRequest e) {
            redirect.addFlashAttribute("paymentProblem", problem(e));
        }
        return "redirect:/console/accounts/" + id + "#payment-requests-heading";
    }

    private static String outcome(PaymentRequest request) {
        if (request.sends().isEmpty()) {
            return "not sent; read it out or send it below.";
        }
        return request.sends().stream().map(send -> send.allowed() ? "sent by " + send.channel().name().toLowerCase()
                : send.channel().name().toLowerCase() + " blocked (" + reasons(send) + ")").collect(Collectors.joining("; ")) + ".";
    }

    private static String reasons(PaymentRequest.Send send) {
        return send.decision().reasons().stream().map(reason -> reason.rule() + ": " + reason.message())
                .collect(Collectors.joining("; "));
    }

    private static String problem(InvalidRequest e) {
        return e.errors().stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
    }

    private static Money money(String text, String currency, String field) {
        try {
            BigDecimal major = new BigDecimal(text.replace("$", "").replace(",", "").trim());
            return Money.of(major.movePointRight(2).longValueExact(), currency);
        } catch (NumberFormatException | ArithmeticException e) {
            throw InvalidRequest.of(field, "is not an amount such as 1250.00");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw InvalidRequest.of("settlementValidUntil", "is not a date");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Actor requireAgent() {
        Actor by = CurrentActor.get();
        if (!by.role().canChangeAccounts()) {
            throw new AccessDeniedException("only agents, supervisors and admins ask for payments");
        }
        return by;
    }

    private static AccountId accountId(String id) {
        try {
            return new AccountId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFound("account", id);
        }
    }
}
