package io.rapport.messaging.tracking;

import io.rapport.messaging.EventKind;

/** A message's status is the furthest it got: a late delivery report does not undo an open, and a failure is final. */
final class StatusLadder {

    private StatusLadder() {
    }

    static boolean moves(EventKind current, EventKind next) {
        return rank(next) > rank(current);
    }

    static int rank(EventKind kind) {
        return switch (kind) {
            case QUEUED -> 0;
            case SENT -> 1;
            case DELIVERED -> 2;
            case OPENED -> 3;
            case CLICKED -> 4;
            case REPLIED -> 5;
            case FAILED, BOUNCED, COMPLAINED, RETURNED -> 6;
        };
    }
}
