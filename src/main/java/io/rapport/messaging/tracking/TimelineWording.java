package io.rapport.messaging.tracking;

import io.rapport.messaging.Channel;
import io.rapport.messaging.EventKind;
import io.rapport.messaging.MessageId;

/** How message events read on the account timeline: the channel, what happened, and the message to look up. */
final class TimelineWording {

    private TimelineWording() {
    }

    static String of(Channel channel, EventKind kind, MessageId id, String detail) {
        String what = switch (channel) {
            case EMAIL -> "Email";
            case SMS -> "Text message";
            case LETTER -> "Letter";
        };
        String happened = switch (kind) {
            case QUEUED -> "queued";
            case SENT -> channel == Channel.LETTER ? "handed to the print vendor" : "sent";
            case DELIVERED -> "delivered";
            case OPENED -> "opened";
            case CLICKED -> "link clicked";
            case REPLIED -> "answered";
            case FAILED -> "could not be sent";
            case BOUNCED -> "bounced";
            case COMPLAINED -> "reported as spam";
            case RETURNED -> "returned as undeliverable";
        };
        return what + " " + happened + (detail == null ? "" : ": " + detail) + " (message " + id + ")";
    }
}
