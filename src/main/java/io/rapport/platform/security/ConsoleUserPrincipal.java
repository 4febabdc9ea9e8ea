package io.rapport.platform.security;

import io.rapport.platform.Actor;
import io.rapport.platform.ConsoleUser;
import io.rapport.platform.CurrentActor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in console user, as Spring Security holds it in the session. */
record ConsoleUserPrincipal(ConsoleUser user, String passwordHash, Instant checkedAt)
        implements UserDetails, CurrentActor.ActorPrincipal {

    @Override
    public Actor actor() {
        return user.asActor();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !user.isLockedAt(checkedAt);
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }
}
