package io.rapport.platform;

/**
 * Nothing with this id exists in the caller's tenant. Deliberately says nothing about whether
 * it exists in another tenant: both cases answer 404.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
