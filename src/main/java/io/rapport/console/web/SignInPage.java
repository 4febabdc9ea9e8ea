package io.rapport.console.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
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

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String expired, HttpSession session, Model model) {
        if (error != null) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("problem", failure instanceof LockedException
                    ? "This account is locked after too many failed sign-ins. Try again in 15 minutes or ask your administrator."
                    : failure instanceof AuthenticationException || failure == null
                            ? "The username or password is not correct." : "Sign-in failed.");
            model.addAttribute("locked", failure instanceof LockedException);
        } else if (expired != null) {
            model.addAttribute("notice", "Your session expired. Sign in again to continue.");
        } else if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "login";
    }
}
