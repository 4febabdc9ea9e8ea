package io.rapport.console.web;

import io.rapport.platform.ConsoleUser;
import io.rapport.platform.ConsoleUsers;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every console page shares: the signed-in viewer for the header and navigation, and
 * the not-found page. It runs before the API's problem-detail advice, so a person in the
 * console sees a page, never JSON; an id from another tenant answers exactly like an unknown id.
 */
@ControllerAdvice(basePackages = "io.rapport.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePages {

    private final ConsoleUsers users;

    ConsolePages(ConsoleUsers users) {
        this.users = users;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentActor.ActorPrincipal)) {
            return null;
        }
        var actor = CurrentActor.get();
        String displayName = users.find(actor.name()).map(ConsoleUser::displayName).orElse(actor.name());
        return new Viewer(actor.name(), displayName, actor.role());
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "console/not-found";
    }
}
