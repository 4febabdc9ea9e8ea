package io.rapport.messaging;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.rapport.messaging.email.EmailChannel;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.TenantId;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The demo's mailbox: what the in-process mail server received, only the messages of the reader's tenant. Mail stays
 * in the server's memory, never in the database, and is gone after a restart. Empty when a real SMTP server is set.
 */
@Service
public class Mailbox {

    public record Entry(UUID messageId, String from, String to, String subject, Instant receivedAt) {
    }

    public record Mail(Entry entry, List<String> headers, String text, String html) {
    }

    private final ObjectProvider<GreenMail> server;
    private final MessageLog log;

    Mailbox(ObjectProvider<GreenMail> server, MessageLog log) {
        this.server = server;
        this.log = log;
    }

    public boolean isAvailable() {
        return server.getIfAvailable() != null;
    }

    public List<Entry> list(TenantId tenant) {
        List<Entry> entries = new ArrayList<>();
        for (MimeMessage mime : received()) {
            entry(tenant, mime).ifPresent(entries::add);
        }
        Collections.reverse(entries);
        return entries;
    }

    public Optional<Mail> open(TenantId tenant, UUID messageId) {
        for (MimeMessage mime : received()) {
            Optional<Entry> entry = entry(tenant, mime).filter(e -> e.messageId().equals(messageId));
            if (entry.isPresent()) {
                try {
                    List<String> headers = new ArrayList<>();
                    for (String name : List.of("From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post")) {
                        String value = mime.getHeader(name, ", ");
                        if (value != null) {
                            headers.add(name + ": " + value);
                        }
                    }
                    String[] parts = new String[2];
                    collect(mime, parts);
                    return Optional.of(new Mail(entry.get(), headers, parts[0], parts[1]));
                } catch (MessagingException | IOException e) {
                    throw new IllegalStateException("a received message could not be read", e);
                }
            }
        }
        return Optional.empty();
    }

    private MimeMessage[] received() {
        GreenMail mail = server.getIfAvailable();
        return mail == null ? new MimeMessage[0] : mail.getReceivedMessages();
    }

    private Optional<Entry> entry(TenantId tenant, MimeMessage mime) {
        try {
            Optional<UUID> id = EmailChannel.messageIdOf(mime.getMessageID());
            if (id.isEmpty() || !log.exists(tenant, id.get())) {
                return Optional.empty();
            }
            return Optional.of(new Entry(id.get(), GreenMailUtil.getAddressList(mime.getFrom()),
                    GreenMailUtil.getAddressList(mime.getAllRecipients()), mime.getSubject(),
                    mime.getReceivedDate() != null ? mime.getReceivedDate().toInstant()
                            : mime.getSentDate() != null ? mime.getSentDate().toInstant() : null));
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, parts);
            }
        }
    }
}
