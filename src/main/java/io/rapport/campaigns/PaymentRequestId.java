package io.rapport.campaigns;

import com.fasterxml.jackson.annotation.JsonValue;
import io.rapport.platform.InvalidRequest;
import java.util.UUID;

/** Identifies a payment request. */
public record PaymentRequestId(@JsonValue UUID value) {

    public static PaymentRequestId of(String text) {
        try {
            return new PaymentRequestId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("id", "is not a payment request id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
