package io.rapport.consent;

import io.rapport.platform.Actor;
import java.util.UUID;

/** A consent or refusal was recorded for an account, outside a placement. */
public record ConsentRecorded(Actor by, UUID accountId, UUID consentId, ConsentChannel channel, boolean granted,
        String source) {
}
