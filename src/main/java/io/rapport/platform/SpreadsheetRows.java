package io.rapport.platform;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads a spreadsheet row by row, streaming, so a file of a million rows never sits in memory:
 * CSV (RFC 4180, UTF-8 with or without BOM, comma or semicolon, quoted line breaks) and XLSX
 * (first sheet). Headers are matched ignoring case, spaces, underscores and hyphens
 * ({@code "Account Ref"} is {@code account_ref}). Rows are numbered from 1 for the first data
 * row, as people count them in an error report.
 *
 * <p>Hostile files fail with a {@link SpreadsheetProblem} that says what is wrong: a file that is
 * not UTF-8, an old binary XLS, a line of over a million characters.
 */
public final class SpreadsheetRows implements Iterator<SpreadsheetRows.Line>, AutoCloseable {

    /** The longest stretch of text without a line break that is still read as a spreadsheet line. */
    static final int MAX_LINE_CHARS = 1_000_000;

    /** One data row: its number (1 = first data row) and its values by normalized header. */
    public record Line(long number, Map<String, String> values) {
        public String get(String column) {
            String value = values.get(normalize(column));
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** The file cannot be read as a spreadsheet at all; the message says why and what to do. */
    public static class SpreadsheetProblem extends RuntimeException {
        public SpreadsheetProblem(String message) {
            super(message);
        }
    }

    private final List<String> headers;
    private final Iterator<List<String>> rows;
    private final AutoCloseable resource;
    private final AtomicLong bytesRead;
    private final long size;
    private long number;
    private Line next;

    private SpreadsheetRows(List<String> headers, Iterator<List<String>> rows, AutoCloseable resource, AtomicLong bytesRead,
            long size) {
        this.headers = headers;
        this.rows = rows;
        this.resource = resource;
        this.bytesRead = bytesRead;
        this.size = size;
    }

    /** Opens a CSV or XLSX file; the kind is told by the file's content, not its name. */
    public static SpreadsheetRows open(Path file) {
        try {
            byte[] head = new byte[8];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            if (n >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
                return openXlsx(file);
            }
            if (n >= 8 && ReadableWorkbook.isOLE2Header(head)) {
                throw new SpreadsheetProblem("This is an Excel 97-2003 (.xls) file, which is not supported: "
                        + "save it as Excel Workbook (.xlsx) or CSV UTF-8 and upload it again.");
            }
            if (n >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
                throw new SpreadsheetProblem("This file is UTF-16 text: save it as CSV UTF-8 and upload it again.");
            }
            requireUtf8(file);
            return openCsv(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> headers() {
        return headers;
    }

    /** How far through the file reading has got, 0 to 100. */
    public int percentRead() {
        return size == 0 ? 100 : (int) Math.min(100, bytesRead.get() * 100 / size);
    }

    @Override
    public boolean hasNext() {
        while (next == null && rows.hasNext()) {
            List<String> cells = rows.next();
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                number++; // keep row numbers as the user sees them, even across empty rows
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < headers.size() && i < cells.size(); i++) {
                values.put(headers.get(i), cells.get(i));
            }
            next = new Line(++number, values);
        }
        return next != null;
    }

    @Override
    public Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Line line = next;
        next = null;
        return line;
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception e) {
            // nothing left to do with a file we only read
        }
    }

    /** The form a header takes for matching: lower case, without spaces, underscores or hyphens. */
    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        // Called for every cell read: a plain loop, not a regular expression.
        StringBuilder out = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c != '\uFEFF' && c != '_' && c != '-' && !Character.isWhitespace(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static SpreadsheetRows openCsv(Path file) throws IOException {
        AtomicLong bytesRead = new AtomicLong();
        InputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), bytesRead);
        Reader reader = new LineLengthGuard(new InputStreamReader(in, StandardCharsets.UTF_8));
        char delimiter = sniffDelimiter(file);
        CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(false).get()
                .parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            parser.close();
            throw new SpreadsheetProblem("The file is empty: it needs a header row and at least one data row.");
        }
        List<String> headers = new ArrayList<>();
        records.next().forEach(h -> headers.add(normalize(h)));
        Iterator<List<String>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw problem(e);
                }
            }

            @Override
            public List<String> next() {
                try {
                    return records.next().toList();
                } catch (UncheckedIOException e) {
                    throw problem(e);
                }
            }
        };
        return new SpreadsheetRows(Collections.unmodifiableList(headers), rows, parser, bytesRead, Files.size(file));
    }

    private static RuntimeException problem(UncheckedIOException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof SpreadsheetProblem)) {
            cause = cause.getCause();
        }
        if (cause instanceof SpreadsheetProblem p) {
            return p;
        }
        return new SpreadsheetProblem("The CSV file cannot be read: " + e.getMessage());
    }

    private static SpreadsheetRows openXlsx(Path file) throws IOException {
        AtomicLong bytesRead = new AtomicLong();
        InputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), bytesRead);
        ReadableWorkbook workbook;
        Stream<Row> stream;
        try {
            workbook = new ReadableWorkbook(in);
            stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw new SpreadsheetProblem("The XLSX file cannot be read (" + e.getMessage() + "): save it again from Excel.");
        }
        Iterator<Row> sheetRows = stream.iterator();
        if (!sheetRows.hasNext()) {
            workbook.close();
            throw new SpreadsheetProblem("The first sheet is empty: it needs a header row and at least one data row.");
        }
        List<String> headers = new ArrayList<>();
        cells(sheetRows.next()).forEach(h -> headers.add(normalize(h)));
        Iterator<List<String>> rows = new Iterator<>() {
            int lastRowNum = 1;
            List<List<String>> pending = new ArrayList<>();

            @Override
            public boolean hasNext() {
                return !pending.isEmpty() || sheetRows.hasNext();
            }

            @Override
            public List<String> next() {
                if (!pending.isEmpty()) {
                    return pending.remove(0);
                }
                Row row = sheetRows.next();
                // Rows missing from the sheet XML are empty rows: keep the numbering the user sees in Excel.
                for (int gap = lastRowNum + 1; gap < row.getRowNum(); gap++) {
                    pending.add(List.of());
                }
                lastRowNum = row.getRowNum();
                if (!pending.isEmpty()) {
                    pending.add(cells(row));
                    return pending.remove(0);
                }
                return cells(row);
            }
        };
        AutoCloseable close = () -> {
            stream.close();
            workbook.close();
        };
        return new SpreadsheetRows(Collections.unmodifiableList(headers), rows, close, bytesRead, Files.size(file));
    }

    /** A row's cells as text; a formula cell reads as its formula, so it is never mistaken for data. */
    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell == null || cell.getType() == CellType.EMPTY) {
                values.add(null);
            } else if (cell.getType() == CellType.FORMULA) {
                values.add("=" + cell.getFormula());
            } else if (cell.getType() == CellType.NUMBER) {
                values.add(cell.getRawValue());
            } else {
                values.add(cell.getText());
            }
        }
        return values;
    }

    /** Comma unless the header line has more semicolons than commas (Excel in many locales). */
    private static char sniffDelimiter(Path file) throws IOException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            int n = reader.read(buffer);
            int commas = 0;
            int semicolons = 0;
            boolean quoted = false;
            for (int i = 0; i < Math.max(n, 0); i++) {
                char c = buffer[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted && c == ',') {
                    commas++;
                } else if (!quoted && c == ';') {
                    semicolons++;
                }
            }
            return semicolons > commas ? ';' : ',';
        }
    }

    /** Reads the whole file once to refuse anything that is not UTF-8 before a single row is imported. */
    private static void requireUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long lines = 1;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) != -1 || bytes.position() > 0) {
                boolean end = n == -1;
                if (!end) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                for (int i = bytes.position(); i < bytes.limit(); i++) {
                    if (bytes.get(i) == '\n') {
                        lines++;
                    }
                }
                var result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    throw new SpreadsheetProblem("The file is not UTF-8 text (an invalid byte near line " + countLines(bytes, lines)
                            + "). In Excel choose Save As > 'CSV UTF-8 (Comma delimited)' and upload it again.");
                }
                chars.clear();
                bytes.compact();
                if (end) {
                    break;
                }
            }
        } catch (CharacterCodingException e) {
            throw new SpreadsheetProblem("The file is not UTF-8 text. Save it as 'CSV UTF-8' and upload it again.");
        }
    }

    private static long countLines(ByteBuffer bytes, long linesUpToEndOfBuffer) {
        long after = 0;
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            if (bytes.get(i) == '\n') {
                after++;
            }
        }
        return Math.max(1, linesUpToEndOfBuffer - after);
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        private final AtomicLong count;

        CountingInputStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }

    /** Stops a "line" of millions of characters (a hostile or broken file) before it fills the memory. */
    private static final class LineLengthGuard extends FilterReader {
        private long sinceBreak;

        LineLengthGuard(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            track(c);
            return c;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            for (int i = off; i < off + Math.max(n, 0); i++) {
                track(buffer[i]);
            }
            return n;
        }

        private void track(int c) {
            if (c == '\n') {
                sinceBreak = 0;
            } else if (++sinceBreak > MAX_LINE_CHARS) {
                throw new UncheckedIOException(new IOException(new SpreadsheetProblem(
                        "The file has a line of more than " + String.format("%,d", MAX_LINE_CHARS)
                                + " characters: it is not a placement spreadsheet (or a cell holds far more than any field allows).")));
            }
        }
    }
}
