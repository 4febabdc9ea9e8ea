package io.rapport.console.web;

import io.rapport.platform.RapportProperties;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. After a failed attempt it says why in words a person can act on: a wrong
 * username or password, or a lock-out after too many failures (which no password lifts early).
 */
@Controller
class SignInPage {

    private final RapportProperties.Security settings;

    SignInPage(RapportProperties properties) {
        this.settings = properties.security();
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String expired, HttpSession session, Model model) {
        if (error != null) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("problem", failure instanceof LockedException
                    ? "This account is locked after too many failed sign-ins. Try again in " + settings.lockoutMinutesOrDefault()
                            + " minutes or ask your administrator."
                    : "The username or password is not correct.");
        } else if (expired != null) {
            model.addAttribute("notice", "Your session expired. Sign in again to continue.");
        } else if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        model.addAttribute("maxFailures", settings.maxFailedLoginsOrDefault());
        model.addAttribute("lockoutMinutes", settings.lockoutMinutesOrDefault());
        return "login";
    }
}
