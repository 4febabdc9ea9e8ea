package io.rapport.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a message sent or received. */
public record MessageId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
