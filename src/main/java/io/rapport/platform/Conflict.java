package io.rapport.platform;

/** The request clashes with what exists (a reference already used, a reused idempotency key). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
