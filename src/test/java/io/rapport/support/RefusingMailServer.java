package io.rapport.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server for tests that need what GreenMail does not do: it counts the connections it was opened with,
 * and refuses the recipients a test names with a permanent "550 mailbox unavailable" as a real server does, keeping
 * the connection open for the next email. It keeps the Message-ID and recipient of every email it takes.
 */
public final class RefusingMailServer implements AutoCloseable {

    /** One email the server took. */
    public record Received(String messageId, String recipient) {
    }

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public RefusingMailServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "refusing-mail-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** From now on, mail to this address is refused. */
    public void refuse(String recipient) {
        refused.add(recipient.toLowerCase(Locale.ROOT));
    }

    public void accept(String recipient) {
        refused.remove(recipient.toLowerCase(Locale.ROOT));
    }

    /** How many connections were opened to the server so far. */
    public int connections() {
        return connections.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread session = new Thread(() -> converse(client), "refusing-mail-server-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 localhost test SMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    if (refused.contains(address.toLowerCase(Locale.ROOT))) {
                        reply(out, "550 5.1.1 mailbox unavailable");
                    } else {
                        recipient = address;
                        reply(out, "250 OK");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    String messageId = null;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageId = line.substring(11).trim();
                        }
                    }
                    received.add(new Received(messageId, recipient));
                    recipient = null;
                    reply(out, "250 OK");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else if (command.startsWith("RSET") || command.startsWith("MAIL FROM:")) {
                    recipient = null;
                    reply(out, "250 OK");
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException dropped) {
            // The client went away.
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
