package io.rapport.consent;

import io.rapport.platform.Actor;
import java.util.UUID;

/** The consumer withdrew a consent; from now on the channel at that address may not be used on its strength. */
public record ConsentRevoked(Actor by, UUID accountId, UUID consentId, ConsentChannel channel, String source) {
}
