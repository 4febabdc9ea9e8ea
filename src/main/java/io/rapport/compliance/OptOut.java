package io.rapport.compliance;

import java.time.Instant;

/**
 * The consumer asked us not to use a channel, or one address on it (a null address means the
 * whole channel), from the given instant.
 */
public record OptOut(Channel channel, String address, Instant at) {
}
