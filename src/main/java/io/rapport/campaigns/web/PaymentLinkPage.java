package io.rapport.campaigns.web;

import io.rapport.accounts.Creditor;
import io.rapport.accounts.Creditors;
import io.rapport.campaigns.PaymentRequests;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a consumer's payment link lands: the creditor's name and branding and whether the link can still be used,
 * in the consumer's language. It shows nothing about the debt: the portal shows that only after the visitor has
 * verified who they are. An unknown link answers 404, an expired or paid one 410, with a way to reach the creditor.
 */
@Controller
class PaymentLinkPage {

    private final PaymentRequests requests;
    private final Creditors creditors;
    private final Clock clock;

    PaymentLinkPage(PaymentRequests requests, Creditors creditors, Clock clock) {
        this.requests = requests;
        this.creditors = creditors;
        this.clock = clock;
    }

    @GetMapping("/p/{token}")
    String open(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Optional<PaymentRequests.LinkView> link = requests.byLink(token);
        if (link.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("state", "unknown");
            model.addAttribute("spanish", false);
            return "campaigns/payment-link";
        }
        PaymentRequests.LinkView view = link.get();
        Creditor creditor = creditors.find(view.tenant(), view.creditorId()).orElseThrow();
        boolean spanish = "es".equals(view.language());
        model.addAttribute("spanish", spanish);
        model.addAttribute("creditor", creditor);
        model.addAttribute("expiresOn", DateTimeFormatter.ofPattern("d MMMM yyyy", spanish ? Locale.forLanguageTag("es") : Locale.US)
                .format(view.expiresAt().atZone(ZoneOffset.UTC)));
        if (view.isPayable(clock.instant())) {
            model.addAttribute("state", "open");
        } else {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("state", view.status().name().equals("PAID") ? "paid" : "expired");
        }
        return "campaigns/payment-link";
    }

    /** Consumers have no account: the unguessable token in the path is the authority, and no session is kept. */
    @Bean
    @Order(1)
    static SecurityFilterChain paymentLinkSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/p/*")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' https:; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
