package io.rapport.console.web;

import io.rapport.messaging.Inbox;
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
 * What every console page shares: the signed-in viewer for the header and navigation (with how many replies wait
 * for an agent in the inbox), and
 * the not-found page. It runs before the API's problem-detail advice, so a person in the
 * console sees a page, never JSON; an id from another tenant answers exactly like an unknown id.
 */
@ControllerAdvice(basePackages = "io.rapport.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePages {

    private final ConsoleUsers users;
    private final Inbox inbox;

    ConsolePages(ConsoleUsers users, Inbox inbox) {
        this.users = users;
        this.inbox = inbox;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        if (!signedIn()) {
            return null;
        }
        var actor = CurrentActor.get();
        String displayName = users.find(actor.name()).map(ConsoleUser::displayName).orElse(actor.name());
        return new Viewer(actor.name(), displayName, actor.role());
    }

    /** Replies that need an agent, for the navigation and the inbox heading; null before sign-in. */
    @ModelAttribute("openReplies")
    Long openReplies() {
        if (!signedIn()) {
            return null;
        }
        return inbox.openCount(CurrentActor.tenantId());
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentActor.ActorPrincipal;
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "console/not-found";
    }
}
