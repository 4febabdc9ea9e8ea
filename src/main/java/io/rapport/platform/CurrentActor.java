package io.rapport.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of the current request, taken from the security context. Every query a web
 * request makes is scoped by {@link #tenantId()}: this is where tenant isolation starts.
 */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return principal.actor();
        }
        throw new IllegalStateException("no authenticated actor in this request");
    }

    public static TenantId tenantId() {
        return get().tenantId();
    }

    /** Implemented by the principals of console sessions and API keys. */
    public interface ActorPrincipal {
        Actor actor();
    }
}
