package io.rapport.console.web;

import io.rapport.messaging.Mailbox;
import io.rapport.messaging.SmsOutbox;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.NotFound;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The demo's mailbox (what the in-process mail server received) and the sandbox SMS outbox, each showing only the
 * signed-in person's organization's messages.
 */
@Controller
class MessagingPages {

    private final Mailbox mailbox;
    private final SmsOutbox outbox;

    MessagingPages(Mailbox mailbox, SmsOutbox outbox) {
        this.mailbox = mailbox;
        this.outbox = outbox;
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

    @GetMapping("/console/sms-outbox")
    String smsOutbox(Model model) {
        model.addAttribute("texts", outbox.latest(CurrentActor.tenantId(), 100));
        return "console/sms-outbox";
    }
}
