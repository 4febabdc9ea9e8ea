package io.rapport.platform;

import java.util.List;

/**
 * A request or command that breaks a rule, with every offending field and why. The API turns
 * it into a 400 problem detail with an {@code errors} array; the import turns it into error rows.
 */
public class InvalidRequest extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
