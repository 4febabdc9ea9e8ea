package io.rapport.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * A consent or refusal with its evidence. Lifecycle: recorded once; revoked at most once
 * ({@code revokedAt}, {@code revokedSource}); never edited or deleted.
 */
public record Consent(UUID id, ConsentChannel channel, String address, boolean granted, String source, Instant at,
        String textShown, Instant revokedAt, String revokedSource) {

    /** Granted and not revoked. */
    public boolean isInForce() {
        return granted && revokedAt == null;
    }
}
