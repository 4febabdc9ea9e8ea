package io.rapport.accounts;

import java.time.Instant;
import java.util.UUID;

/** One event in an account's history: a change, a contact, a payment, a decision. */
public record TimelineEntry(UUID id, Instant at, String actor, String kind, String summary) {
}
