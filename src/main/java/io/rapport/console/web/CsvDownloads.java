package io.rapport.console.web;

import io.rapport.platform.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** What the console's run pages (imports, bulk sends) share: ids from the path and the rejected-rows CSV download. */
final class CsvDownloads {

    /** Writes the report into the response body. */
    interface Report {
        void writeTo(Writer out) throws IOException;
    }

    private CsvDownloads() {
    }

    static void send(HttpServletResponse response, String fileName, Report report) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        report.writeTo(out);
        out.flush();
    }

    /** A malformed id answers the same 404 as an unknown or another tenant's one. */
    static UUID id(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound(what, id);
        }
    }
}
