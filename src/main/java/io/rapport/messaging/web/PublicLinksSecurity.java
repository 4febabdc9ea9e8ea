package io.rapport.messaging.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The links in emails are opened by consumers and their mail apps, who have no account: tracking and unsubscribe
 * answer without signing in, without a session, and the one-click unsubscribe POST carries no CSRF token by design
 * (RFC 8058); the unguessable token in the path is the authority. The SMS provider's webhooks come the same way,
 * from the provider's servers, without session or CSRF token; their signature is the authority ({@link TwilioWebhooks}).
 */
@Configuration(proxyBeanMethods = false)
class PublicLinksSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicMessageLinks(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/t/o/*", "/t/c/*", "/u/*", "/webhooks/twilio/*")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'")))
                .build();
    }
}
