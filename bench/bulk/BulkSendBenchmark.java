import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedWriter;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk send benchmark driver. Starts an SMTP server (a counting sink, below) on a port, starts Rapport from its jar on PostgreSQL
 * with that server as its SMTP host and the SMS sandbox at a high per-sender rate, places N accounts with an import
 * file, then times a bulk send of N rows (half email, half SMS by the channel column) until it is DONE: every row
 * becomes a payment request whose message is rendered, decided by the contact gate, recorded and delivered. In the
 * same run it sends N pre-rendered emails to the same SMTP server with a plain Jakarta Mail loop over one reused
 * connection, and prints messages/s for both and their ratio.
 *
 * <p>Usage: java -cp CLASSPATH BulkSendBenchmark.java N JAR DB_URL WORK_DIR [CONCURRENCY]
 */
public class BulkSendBenchmark {

    static final String KEY = "rk_bulkbnch_0123456789abcdefghijklmnopqrstuvwxyz";
    static final int APP_PORT = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "18082"));
    static final int SMTP_PORT = Integer.parseInt(System.getenv().getOrDefault("RAPPORT_SMTP_PORT", "25252"));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String[][] PLACES = {{"MD", "Bethesda", "20815", "301"}, {"NY", "New York", "10001", "212"},
            {"FL", "Miami", "33101", "305"}, {"MA", "Boston", "02108", "617"}};

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String jar = args[1];
        String dbUrl = args[2];
        Path work = Path.of(args[3]);
        String concurrency = args.length > 4 ? args[4] : "3";
        Files.createDirectories(work);

        // One log line per received message would cost more than receiving it.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        SmtpSink smtp = new SmtpSink(SMTP_PORT);
        // BENCH_APP_JVM_OPTS adds JVM options to the application (a profiler, say) without changing the driver.
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
        String extra = System.getenv("BENCH_APP_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar, "--rapport.bulk-sends.concurrency=" + concurrency));
        Process app = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile())
                .directory(new File("."))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::destroy));
        try {
            run(n, work, concurrency, smtp, dbUrl, app.pid());
        } finally {
            app.destroy();
            app.waitFor();
            smtp.close();
        }
    }

    static void run(int n, Path work, String concurrency, SmtpSink smtp, String dbUrl, long appPid) throws Exception {
        var env = System.getenv();
        if (!env.containsKey("RAPPORT_DB_URL")) {
            throw new IllegalStateException("run through bench/bulk-send-benchmark.sh, which sets the app's environment");
        }
        waitForHealth();
        Thread.sleep(3000); // the demo seed

        System.out.printf("== Placing %,d accounts (import file)%n", n);
        Path placements = work.resolve("accounts.csv");
        writePlacements(placements, n);
        long t0 = System.nanoTime();
        String importId = id(upload("/api/v1/imports/accounts", placements, null));
        String imported = await("/api/v1/imports/" + importId, "RUNNING");
        System.out.printf("   %s in %.1f s%n", counts(imported, "status", "accepted", "rejected"), seconds(t0));

        System.out.printf("== Bulk send of %,d rows (half EMAIL, half SMS), concurrency %s%n", n, concurrency);
        Path rows = work.resolve("bulk.csv");
        try (BufferedWriter w = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
            w.write("account_ref,channel,invoice_number\n");
            for (int i = 1; i <= n; i++) {
                w.write("BULK-" + i + "," + (i % 2 == 0 ? "SMS" : "EMAIL") + ",INV-" + i + "\n");
            }
        }
        smtp.reset();
        long b0 = System.nanoTime();
        CpuTimes cpuBefore = CpuTimes.read(appPid);
        String bulkId = id(upload("/api/v1/bulk-sends", rows, null));
        double validated = -1;
        String status;
        while (true) {
            status = get("/api/v1/bulk-sends/" + bulkId);
            if (validated < 0 && !status.contains("\"status\":\"VALIDATING\"")) {
                validated = seconds(b0);
            }
            if (!status.contains("\"status\":\"VALIDATING\"") && !status.contains("\"status\":\"SENDING\"")) {
                break;
            }
            Thread.sleep(500);
        }
        double doneSeconds = seconds(b0);
        long sent = number(status, "sent");
        long blocked = number(status, "blocked");
        long failed = number(status, "failed");
        int mailsAtDone = smtp.received();
        System.out.printf("   %s%n", counts(status, "status", "total", "accepted", "rejected", "sent", "blocked", "failed"));
        System.out.printf("   validation %.1f s, DONE at %.1f s; %,d emails had reached the SMTP server then%n",
                validated, doneSeconds, mailsAtDone);
        // DONE means every row is decided, recorded and queued; a message is processed once its provider took it.
        long queued;
        try (var db = java.sql.DriverManager.getConnection(dbUrl, "postgres", "")) {
            while ((queued = stillQueued(db)) > 0 && seconds(b0) < doneSeconds + 600) {
                Thread.sleep(200);
            }
        }
        double bulkSeconds = seconds(b0);
        CpuTimes cpu = CpuTimes.read(appPid).minus(cpuBefore);
        int mails = smtp.received();
        System.out.printf("   every message handed to SMTP or the SMS provider at %.1f s (%,d still queued); %,d emails reached the SMTP server%n",
                bulkSeconds, queued, mails);
        long handled = Math.max(1, number(status, "sent") + number(status, "blocked") + number(status, "failed"));
        System.out.printf("   CPU per message: Rapport %.2f ms, PostgreSQL %.2f ms, this driver (the SMTP server) %.2f ms"
                        + " (%.0f%%, %.0f%% and %.0f%% of one core over the run)%n",
                cpu.app() * 1000.0 / handled, cpu.postgres() * 1000.0 / handled, cpu.driver() * 1000.0 / handled,
                100 * cpu.app() / bulkSeconds, 100 * cpu.postgres() / bulkSeconds, 100 * cpu.driver() / bulkSeconds);
        smtp.reset();

        System.out.printf("== Plain Jakarta Mail loop: %,d pre-rendered emails over one connection%n", n);
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(SMTP_PORT));
        Session session = Session.getInstance(props);
        List<MimeMessage> messages = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("collections@rapport.example"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("person" + i + "@example.com"));
            m.setSubject("Invoice INV-" + i + " from Bank of Rockville");
            m.setText("Dear Consumer " + i + ", invoice INV-" + i + ": pay $1,234.56 at https://pay.example/p/" + i
                    + " until December 14, 2026.\n\nThis communication is from a debt collector.", "UTF-8");
            m.saveChanges();
            messages.add(m);
        }
        long p0 = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (MimeMessage m : messages) {
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        double plainSeconds = seconds(p0);

        double bulkRate = (sent + blocked + failed) / bulkSeconds;
        double sendingRate = (sent + blocked + failed) / (bulkSeconds - validated);
        double plainRate = n / plainSeconds;
        System.out.printf("== Results for N = %,d%n", n);
        System.out.printf("   Rapport bulk send (upload to handed over): %8.1f s %,10.0f messages/s (%,d sent, %,d blocked, %,d failed)%n",
                bulkSeconds, bulkRate, sent, blocked, failed);
        System.out.printf("   Rapport sending phase only               : %8.1f s %,10.0f messages/s%n", bulkSeconds - validated, sendingRate);
        System.out.printf("   Plain Jakarta Mail loop (1 connection)   : %8.1f s %,10.0f messages/s%n", plainSeconds, plainRate);
        System.out.printf("   ratio Rapport / plain loop               : %8.2f (sending phase %.2f)%n", bulkRate / plainRate, sendingRate / plainRate);
    }

    /**
     * The SMTP server both senders talk to: it speaks enough SMTP for Jakarta Mail (EHLO, MAIL, RCPT, DATA, RSET, NOOP,
     * QUIT), reads every message to its end and counts it, and keeps nothing. GreenMail keeps every message and a
     * mailbox per recipient, and slowed down as 100,000 recipients piled up, which measured the server, not the senders.
     */
    static final class SmtpSink implements AutoCloseable {
        private final java.net.ServerSocket socket;
        private final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();

        SmtpSink(int port) throws java.io.IOException {
            socket = new java.net.ServerSocket(port, 100, java.net.InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        java.net.Socket client = socket.accept();
                        Thread session = new Thread(() -> converse(client), "smtp-sink-session");
                        session.setDaemon(true);
                        session.start();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            }, "smtp-sink");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int received() {
            return received.get();
        }

        void reset() {
            received.set(0);
        }

        private void converse(java.net.Socket client) {
            try (client;
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
                    var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(client.getOutputStream(), StandardCharsets.ISO_8859_1))) {
                reply(out, "220 sink ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    switch (command) {
                        case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 PIPELINING");
                        case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                        case "DATA" -> {
                            reply(out, "354 go ahead");
                            while ((line = in.readLine()) != null && !line.equals(".")) {
                                // read to the end of the message
                            }
                            received.incrementAndGet();
                            reply(out, "250 OK queued");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "502 not implemented");
                    }
                }
            } catch (java.io.IOException gone) {
                // the client closed the connection
            }
        }

        private static void reply(java.io.BufferedWriter out, String text) throws java.io.IOException {
            out.write(text);
            out.write("\r\n");
            out.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    /** CPU seconds used so far by the application, by all PostgreSQL processes, and by this driver (the SMTP server). */
    record CpuTimes(double app, double postgres, double driver) {

        static CpuTimes read(long appPid) throws java.io.IOException {
            double postgres = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        if (Files.readString(proc.resolve("comm")).trim().startsWith("postgres")) {
                            postgres += seconds(proc);
                        }
                    } catch (java.io.IOException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return new CpuTimes(seconds(Path.of("/proc/" + appPid)), postgres, seconds(Path.of("/proc/self")));
        }

        /** utime + stime of a process, from /proc/PID/stat (in clock ticks of 1/100 s). */
        private static double seconds(Path proc) throws java.io.IOException {
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }

        CpuTimes minus(CpuTimes before) {
            return new CpuTimes(app - before.app, postgres - before.postgres, driver - before.driver);
        }
    }

    static long stillQueued(java.sql.Connection db) throws java.sql.SQLException {
        try (var query = db.createStatement();
                var rs = query.executeQuery("select count(*) from message where status = 'QUEUED' and channel <> 'LETTER'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Accounts BULK-1..N in eastern states (the gate allows contact there in the daytime), each with a unique email and mobile, both consented. */
    static void writePlacements(Path file, int n) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("account_ref,creditor,first_name,last_name,date_of_birth,language,address_line1,city,state,postal_code,email,"
                    + "email_consent,mobile,sms_consent,debt_ref,account_number,original_creditor,current_creditor,itemization_date,"
                    + "itemization_date_type,amount_on_itemization_date\n");
            for (int i = 1; i <= n; i++) {
                String[] place = PLACES[i % PLACES.length];
                String mobile = "+1" + place[3] + (200 + i / 10_000) + String.format("%04d", i % 10_000);
                w.write("BULK-" + i + ",Bank of Rockville,Consumer,Number" + i + ",1980-01-15,en," + (100 + i % 900) + " Park Street,"
                        + place[1] + "," + place[0] + "," + place[2] + ",person" + i + "@example.com,yes," + mobile + ",yes,BD-" + i
                        + "," + (100_000_000 + i) + ",Bank of Rockville,Bank of Rockville,2025-01-02,CHARGE_OFF,1234.56\n");
            }
        }
    }

    static void waitForHealth() throws Exception {
        for (int i = 0; i < 180; i++) {
            try {
                var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the application did not start; see app.log");
    }

    static String upload(String path, Path file, String template) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT + path)).header("Authorization", "Bearer " + KEY)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String await(String path, String runningStatus) throws Exception {
        while (true) {
            String status = get(path);
            if (!status.contains("\"status\":\"" + runningStatus + "\"")) {
                return status;
            }
            Thread.sleep(500);
        }
    }

    static String id(String body) {
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String counts(String json, String... fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            Matcher m = Pattern.compile("\"" + field + "\":(\"[^\"]*\"|[0-9.]+)").matcher(json);
            out.append(field).append('=').append(m.find() ? m.group(1).replace("\"", "") : "?").append(' ');
        }
        return out.toString().trim();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
