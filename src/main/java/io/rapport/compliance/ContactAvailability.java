package io.rapport.compliance;

/** The gate's answer for one way of reaching the consumer right now: a channel at an address. */
public record ContactAvailability(Channel channel, String address, GateDecision decision) {
}
