package io.rapport.platform.security;

import io.rapport.platform.ApiKeys;
import io.rapport.platform.web.IdempotencyFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two ways in: the REST API with tenant API keys (stateless, no cookies, so no CSRF), and the
 * console with a signed-in session (CSRF tokens on every form, session time-out, lock-out).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, IdempotencyFilter idempotency) throws Exception {
        return http
                .securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("API"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response, 401, "Unauthorized",
                                "Send a valid API key as 'Authorization: Bearer <key>'."))
                        .accessDeniedHandler((request, response, ex) -> problem(response, 403, "Forbidden",
                                "This key may not do that.")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/console/audit/**").hasAnyRole("ADMIN", "COMPLIANCE")
                        .requestMatchers("/console/compliance/**").hasAnyRole("ADMIN", "COMPLIANCE", "SUPERVISOR")
                        .requestMatchers("/console/admin/**").hasRole("ADMIN")
                        .requestMatchers("/console/bulk-sends/**", "/console/bulk-sends").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/console/imports/**").hasAnyRole("ADMIN", "SUPERVISOR", "AGENT")
                        .requestMatchers(HttpMethod.POST, "/console/inbox/**").hasAnyRole("ADMIN", "SUPERVISOR", "AGENT")
                        .requestMatchers(HttpMethod.POST, "/console/accounts/*/holds", "/console/accounts/*/holds/**")
                                .hasAnyRole("ADMIN", "SUPERVISOR", "COMPLIANCE")
                        .requestMatchers(HttpMethod.POST, "/console/accounts/*/debts/*/validation-notice")
                                .hasAnyRole("ADMIN", "SUPERVISOR", "COMPLIANCE", "AGENT")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/console", true).failureUrl("/login?error").permitAll())
                // The session cookie goes with the session, so the next visit is not mistaken for an expired one.
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.invalidSessionUrl("/login?expired"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .build();
    }

    /** The idempotency filter runs inside the API chain only, not as a container-wide filter. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<IdempotencyFilter> idempotencyOutsideChain(IdempotencyFilter filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
