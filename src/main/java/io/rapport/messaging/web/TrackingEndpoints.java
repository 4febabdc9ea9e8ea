package io.rapport.messaging.web;

import io.rapport.messaging.MessageTracking;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public links in emails, answered without signing in: the open pixel, tracked links (which redirect only to the
 * URL they were made for) and the unsubscribe page with its RFC 8058 one-click POST.
 */
@Controller
class TrackingEndpoints {

    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final MessageTracking tracking;

    TrackingEndpoints(MessageTracking tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/t/o/{token}")
    ResponseEntity<byte[]> open(@PathVariable String token) {
        tracking.opened(token);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_GIF).body(PIXEL);
    }

    @GetMapping("/t/c/{token}")
    ResponseEntity<Void> click(@PathVariable String token) {
        return tracking.clicked(token)
                .map(url -> ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, url)
                        .cacheControl(CacheControl.noStore()).<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/u/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("known", tracking.isUnsubscribeLink(token));
        model.addAttribute("done", false);
        return "messaging/unsubscribe";
    }

    /** The button on the page, and the one-click POST mail apps send ({@code List-Unsubscribe=One-Click}). */
    @PostMapping("/u/{token}")
    String unsubscribe(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        boolean known = tracking.unsubscribe(token);
        if (!known) {
            response.setStatus(404);
        }
        model.addAttribute("token", token);
        model.addAttribute("known", known);
        model.addAttribute("done", known);
        return "messaging/unsubscribe";
    }
}
