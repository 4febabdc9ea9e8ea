package io.rapport.compliance;

import java.time.Instant;

/** A recorded consent to be contacted on a channel at an address (a null address means any). */
public record Consent(Channel channel, String address, Instant at) {
}
