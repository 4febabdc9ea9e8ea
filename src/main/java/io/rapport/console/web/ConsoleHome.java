package io.rapport.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console opens on the account list, where most work starts. */
@Controller
class ConsoleHome {

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/accounts";
    }
}
