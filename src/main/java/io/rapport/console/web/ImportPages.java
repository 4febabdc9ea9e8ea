package io.rapport.console.web;

import io.rapport.accounts.AccountImports;
import io.rapport.accounts.ImportStatus;
import io.rapport.platform.CurrentActor;
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
 * Placement files uploaded from the console: the upload form and recent imports, and for each
 * import its progress (polled while it runs), counts, first rejected rows and the full error report.
 */
@Controller
class ImportPages {

    static final int RECENT = 20;

    private final AccountImports imports;

    ImportPages(AccountImports imports) {
        this.imports = imports;
    }

    /** What the progress poll needs to redraw the bar and the counts. */
    record Progress(String status, int percent, long total, long accepted, long rejected) {

        static Progress of(ImportStatus s) {
            return new Progress(s.status(), s.percent(), s.total(), s.accepted(), s.rejected());
        }
    }

    @GetMapping("/console/imports")
    String list(Model model) {
        model.addAttribute("imports", imports.recent(CurrentActor.tenantId(), RECENT));
        return "console/imports";
    }

    @PostMapping("/console/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "Choose a CSV or XLSX file that is not empty.");
            return list(model);
        }
        UUID id = imports.start(CurrentActor.get(), file.getOriginalFilename(), file.getInputStream());
        return "redirect:/console/imports/" + id;
    }

    @GetMapping("/console/imports/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("run", find(id));
        return "console/import";
    }

    @GetMapping("/console/imports/{id}/progress")
    @ResponseBody
    Progress progress(@PathVariable String id) {
        return Progress.of(find(id));
    }

    @GetMapping("/console/imports/{id}/errors.csv")
    void errorReport(@PathVariable String id, HttpServletResponse response) throws IOException {
        ImportStatus run = find(id);
        CsvDownloads.send(response, "import-" + run.id() + "-errors.csv",
                out -> imports.writeErrorReport(CurrentActor.tenantId(), run.id(), out));
    }

    private ImportStatus find(String id) {
        return imports.status(CurrentActor.tenantId(), CsvDownloads.id(id, "import")).orElseThrow(() -> new NotFound("import", id));
    }
}
