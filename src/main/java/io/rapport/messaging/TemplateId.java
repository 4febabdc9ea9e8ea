package io.rapport.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a message template (all its versions). */
public record TemplateId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
