package io.rapport.console.web;

import io.rapport.messaging.Inbox;
import io.rapport.messaging.Mailbox;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.PrintBatches;
import io.rapport.messaging.SmsOutbox;
import io.rapport.messaging.SmsReplies;
import io.rapport.platform.Conflict;
import io.rapport.platform.ConsoleUser;
import io.rapport.platform.ConsoleUsers;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.CursorPage;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' inbox of consumers' replies (those that need an agent, marked handled with a note, reopened), the demo's mailbox (what the in-process mail server received), the sandbox SMS outbox with a way to answer a text
 * as the consumer would (STOP, HELP, free text), and each letter as the PDF the vendor prints; each shows only the
 * signed-in person's organization's messages.
 */
@Controller
class MessagingPages {

    private final Mailbox mailbox;
    private final SmsOutbox outbox;
    private final SmsReplies replies;
    private final PrintBatches letters;
    private final Inbox inbox;
    private final ConsoleUsers users;

    MessagingPages(Mailbox mailbox, SmsOutbox outbox, SmsReplies replies, PrintBatches letters, Inbox inbox, ConsoleUsers users) {
        this.inbox = inbox;
        this.users = users;
        this.mailbox = mailbox;
        this.outbox = outbox;
        this.replies = replies;
        this.letters = letters;
    }

    @GetMapping("/console/mailbox")
    String mailbox(Model model) {
        model.addAttribute("available", mailbox.isAvailable());
        model.addAttribute("mails", mailbox.list(CurrentActor.tenantId()));
        return "console/mailbox";
    }

    @GetMapping("/console/mailbox/{id}")
    String mail(@PathVariable UUID id, Model model) {
        model.addAttribute("mail", mailbox.open(CurrentActor.tenantId(), id).orElseThrow(() -> new NotFound("email", id)));
        return "console/mailbox-message";
    }

    @GetMapping("/console/inbox")
    String inbox(@RequestParam(required = false) String show, @RequestParam(required = false) String cursor, Model model) {
        TenantId tenant = CurrentActor.tenantId();
        Inbox.Show which = showing(show);
        model.addAttribute("show", which.name().toLowerCase(Locale.ROOT));
        CursorPage<Inbox.Reply> replies;
        try {
            replies = inbox.list(tenant, which, cursor, 100);
        } catch (IllegalArgumentException staleCursor) {
            replies = inbox.list(tenant, which, null, 100);
        }
        model.addAttribute("replies", replies);
        model.addAttribute("names", names(tenant));
        return "console/inbox";
    }

    @PostMapping("/console/inbox/{id}/handled")
    String handled(@PathVariable UUID id, @RequestParam(required = false) String note, @RequestParam(required = false) String show,
            RedirectAttributes redirect) {
        return change(show, redirect, "Not marked handled: ", () -> inbox.markHandled(CurrentActor.get(), new MessageId(id), note),
                reply -> "The reply from " + reply.from() + " is marked handled; it is on the account's timeline.");
    }

    @PostMapping("/console/inbox/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam(required = false) String note, @RequestParam(required = false) String show,
            RedirectAttributes redirect) {
        return change(show, redirect, "Not reopened: ", () -> inbox.reopen(CurrentActor.get(), new MessageId(id), note),
                reply -> "The reply from " + reply.from() + " is open again.");
    }

    /** Marks or reopens a reply and says how it went, back on the inbox as it was filtered. */
    private static String change(String show, RedirectAttributes redirect, String refused, Supplier<Inbox.Reply> change,
            Function<Inbox.Reply, String> done) {
        try {
            redirect.addFlashAttribute("notice", done.apply(change.get()));
        } catch (Conflict | InvalidRequest e) {
            redirect.addFlashAttribute("problem", refused + e.getMessage());
        }
        return "redirect:/console/inbox?show=" + showing(show).name().toLowerCase(Locale.ROOT);
    }

    /** An unknown filter shows what needs an agent, as the plain address does. */
    private static Inbox.Show showing(String show) {
        try {
            return Inbox.Show.of(show);
        } catch (IllegalArgumentException e) {
            return Inbox.Show.OPEN;
        }
    }

    /** Console users by the label the inbox keeps ({@code user:maria}), so pages name who handled a reply. */
    private Map<String, String> names(TenantId tenant) {
        return users.list(tenant).stream().collect(Collectors.toMap(u -> u.asActor().label(), ConsoleUser::displayName, (a, b) -> a));
    }

    @GetMapping("/console/sms-outbox")
    String smsOutbox(Model model) {
        model.addAttribute("texts", outbox.latest(CurrentActor.tenantId(), 100));
        return "console/sms-outbox";
    }

    /** Only the sandbox has an outbox to answer from; a real provider's replies arrive through its webhook. */
    @PostMapping("/console/sms-outbox/replies")
    String reply(@RequestParam String from, @RequestParam String body, RedirectAttributes redirect) {
        if (!CurrentActor.get().role().canChangeAccounts()) {
            throw new AccessDeniedException("only agents, supervisors and admins simulate replies");
        }
        if (body.isBlank() || body.length() > 1600) {
            redirect.addFlashAttribute("problem", "Write a reply of 1 to 1600 characters.");
            return "redirect:/console/sms-outbox";
        }
        SmsReplies.Outcome outcome = replies.receive(CurrentActor.tenantId(), from, body.strip());
        redirect.addFlashAttribute(outcome.matched() ? "notice" : "problem", outcome.matched()
                ? "Reply from " + from + " received (" + outcome.intent() + "); it is on the account's timeline."
                : "No text was sent to " + from + ", so the reply matches no account.");
        return "redirect:/console/sms-outbox";
    }

    @GetMapping("/console/letters/{id}.pdf")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"letter-" + id + ".pdf\"")
                .body(letters.letterPdf(CurrentActor.tenantId(), new MessageId(id)));
    }
}
