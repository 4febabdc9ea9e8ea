package io.rapport.messaging.delivery;

import io.rapport.messaging.MessageId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What became of each message of a batch handed to a provider: taken ({@link Transmission}) or not ({@link TransmissionFailed}). */
public final class HandOvers {

    private final Map<MessageId, Transmission> taken = new LinkedHashMap<>();
    private final Map<MessageId, TransmissionFailed> notTaken = new LinkedHashMap<>();

    public void taken(MessageId message, Transmission transmission) {
        taken.put(message, transmission);
    }

    public void notTaken(MessageId message, TransmissionFailed failure) {
        notTaken.put(message, failure);
    }

    /** The messages the provider took, in the order they were handed over. */
    public Map<MessageId, Transmission> taken() {
        return Collections.unmodifiableMap(taken);
    }

    /** The messages the provider did not take, with why. */
    public Map<MessageId, TransmissionFailed> notTaken() {
        return Collections.unmodifiableMap(notTaken);
    }
}
