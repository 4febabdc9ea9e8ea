package io.rapport.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * A consent to record for an account. {@code address} is the email address or E.164 phone
 * number it covers (none for letters and E-SIGN); {@code at} is when the consumer gave it.
 */
public record NewConsent(UUID accountId, ConsentChannel channel, String address, boolean granted, String source, Instant at,
        String textShown) {
}
