package io.rapport.platform.security;

import io.rapport.platform.ConsoleUsers;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks console users up for sign-in and counts failures towards the lock-out. */
@Component
class ConsoleSignIn implements UserDetailsService {

    private final ConsoleUsers users;
    private final Clock clock;

    ConsoleSignIn(ConsoleUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username)
                .map(user -> new ConsoleUserPrincipal(user, users.passwordHash(username).orElseThrow(), clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username) {
            users.signInFailed(username);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ConsoleUserPrincipal principal) {
            users.signInSucceeded(principal.getUsername());
        }
    }
}
