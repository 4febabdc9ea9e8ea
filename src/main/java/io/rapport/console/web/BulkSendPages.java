package io.rapport.console.web;

import io.rapport.campaigns.BulkSendStatus;
import io.rapport.campaigns.BulkSends;
import io.rapport.messaging.MessageTemplate;
import io.rapport.messaging.MessageTemplates;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk sends from the console, for supervisors and admins: upload a spreadsheet with a template and how long the
 * links last; the file is checked and the page previews it (how many go on which channel, what the contact gate would
 * block now and why, the rejected rows) until someone confirms; then the page follows the sending with a progress bar.
 */
@Controller
class BulkSendPages {

    private static final int RECENT = 20;

    private final BulkSends bulkSends;
    private final MessageTemplates templates;

    BulkSendPages(BulkSends bulkSends, MessageTemplates templates) {
        this.bulkSends = bulkSends;
        this.templates = templates;
    }

    /** What the progress poll needs to redraw the bar and the counts. */
    record Progress(String status, int percent, long total, long accepted, long rejected, long sent, long blocked, long failed) {

        static Progress of(BulkSendStatus s) {
            return new Progress(s.status(), s.percent(), s.total(), s.accepted(), s.rejected(), s.sent(), s.blocked(), s.failed());
        }
    }

    @GetMapping("/console/bulk-sends")
    String list(Model model) {
        model.addAttribute("bulkSends", bulkSends.recent(CurrentActor.tenantId(), RECENT));
        model.addAttribute("templateNames", templates.list(CurrentActor.tenantId(), null).stream().map(MessageTemplate::name)
                .filter(name -> !name.startsWith("payment-request")).distinct().sorted().toList());
        return "console/bulk-sends";
    }

    @PostMapping("/console/bulk-sends")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "template", required = false) String template,
            @RequestParam(name = "expiresInDays", required = false) Integer expiresInDays, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("formError", "Choose a CSV or XLSX file that is not empty.");
            return list(model);
        }
        try {
            UUID id = bulkSends.start(CurrentActor.get(), file.getOriginalFilename(), file.getInputStream(), template,
                    expiresInDays, true);
            return "redirect:/console/bulk-sends/" + id;
        } catch (InvalidRequest invalid) {
            model.addAttribute("formError", String.join(" ", invalid.errors().stream()
                    .map(error -> error.field() + ": " + error.message()).toList()));
            return list(model);
        }
    }

    @GetMapping("/console/bulk-sends/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("run", find(id));
        return "console/bulk-send";
    }

    @PostMapping("/console/bulk-sends/{id}/confirm")
    String confirm(@PathVariable String id) {
        BulkSendStatus run = find(id);
        bulkSends.confirm(CurrentActor.get(), run.id());
        return "redirect:/console/bulk-sends/" + run.id();
    }

    @PostMapping("/console/bulk-sends/{id}/cancel")
    String cancel(@PathVariable String id) {
        BulkSendStatus run = find(id);
        bulkSends.cancel(CurrentActor.get(), run.id());
        return "redirect:/console/bulk-sends/" + run.id();
    }

    @GetMapping("/console/bulk-sends/{id}/progress")
    @ResponseBody
    Progress progress(@PathVariable String id) {
        return Progress.of(find(id));
    }

    @GetMapping("/console/bulk-sends/{id}/errors.csv")
    void errorReport(@PathVariable String id, HttpServletResponse response) throws IOException {
        BulkSendStatus run = find(id);
        CsvDownloads.send(response, "bulk-send-" + run.id() + "-errors.csv",
                out -> bulkSends.writeErrorReport(CurrentActor.tenantId(), run.id(), out));
    }

    private BulkSendStatus find(String id) {
        return bulkSends.status(CurrentActor.tenantId(), CsvDownloads.id(id, "bulk send")).orElseThrow(() -> new NotFound("bulk send", id));
    }
}
