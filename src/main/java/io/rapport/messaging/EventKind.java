package io.rapport.messaging;

/** What happened to a message. */
public enum EventKind {
    QUEUED, SENT, DELIVERED, OPENED, CLICKED, REPLIED, FAILED, BOUNCED, COMPLAINED, RETURNED
}
