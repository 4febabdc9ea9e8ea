package io.rapport.messaging.web;

import io.rapport.messaging.Channel;
import io.rapport.messaging.Inbox;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.ReplyIntent;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.CursorPage;
import io.rapport.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agents' inbox for integrations: consumers' replies, which still need an agent, and marking them handled. */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Inbox", description = "Consumers' replies; free text waits for an agent until marked handled")
class InboxApi {

    /**
     * One reply. {@code status} is OPEN (needs an agent), HANDLED, or ANSWERED (STOP, START or HELP, answered by the
     * system). {@code handled} is who marked it handled, when and their note; {@code reopened} the latest reopening.
     */
    record Item(UUID messageId, UUID accountId, Channel channel, String from, String body, ReplyIntent intent,
            Inbox.Status status, Instant receivedAt, Inbox.Handling handled, Inbox.Handling reopened) {

        static Item of(Inbox.Reply r) {
            return new Item(r.messageId(), r.account().value(), r.channel(), r.from(), r.body(), r.intent(), r.status(),
                    r.receivedAt(), r.handled(), r.reopened());
        }
    }

    record NoteRequest(String note) {
    }

    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "Consumers' replies, newest first: open (needing an agent, the default), handled, or all")
    CursorPage<Item> list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return inbox.list(CurrentActor.tenantId(), Inbox.Show.of(status), cursor, CursorPage.clampLimit(limit)).map(Item::of);
    }

    @GetMapping("/{messageId}")
    @Operation(summary = "One reply with where it stands")
    Item get(@PathVariable UUID messageId) {
        return inbox.find(CurrentActor.tenantId(), new MessageId(messageId)).map(Item::of)
                .orElseThrow(() -> new NotFound("reply", messageId));
    }

    @PostMapping("/{messageId}/handled")
    @Operation(summary = "Mark a reply that needs an agent as handled, with an optional note (at most 500 characters)",
            description = "409 when the system answered the reply (STOP, START, HELP) or it is handled already.")
    Item handled(@PathVariable UUID messageId, @RequestBody(required = false) NoteRequest body) {
        return Item.of(inbox.markHandled(CurrentActor.get(), new MessageId(messageId), body == null ? null : body.note()));
    }

    @PostMapping("/{messageId}/reopen")
    @Operation(summary = "Reopen a handled reply, so it needs an agent again; an optional note says why",
            description = "409 when the reply is not handled.")
    Item reopen(@PathVariable UUID messageId, @RequestBody(required = false) NoteRequest body) {
        return Item.of(inbox.reopen(CurrentActor.get(), new MessageId(messageId), body == null ? null : body.note()));
    }
}
