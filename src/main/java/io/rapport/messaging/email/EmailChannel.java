package io.rapport.messaging.email;

import io.rapport.accounts.Creditor;
import io.rapport.messaging.ApprovedContact;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.MessageTemplate;
import io.rapport.messaging.delivery.HandOvers;
import io.rapport.messaging.delivery.Transmission;
import io.rapport.messaging.delivery.TransmissionFailed;
import io.rapport.messaging.SystemDocument;
import io.rapport.messaging.templates.Layouts;
import io.rapport.messaging.templates.TemplateRendering;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.messaging.tracking.TrackingTokens;
import io.rapport.platform.RapportProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Emails: claims the message (a retried send stops here) and, in the same transaction, issues the open, click and
 * unsubscribe tokens and composes the branded multipart message from the creditor's sender name and domain; the
 * composed message is kept (encrypted) with the claim, and {@link #transmit} hands exactly those bytes to SMTP once
 * the claim has committed, a batch of emails over one connection. The Message-ID carries the message id, so a
 * re-delivery carries the same Message-ID and bounces and complaints correlate.
 */
@Component
public class EmailChannel {

    private static final Pattern MESSAGE_ID = Pattern.compile("<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>]+>?");

    private final MessageLog log_;
    private final TrackingTokens tokens;
    private final JavaMailSenderImpl mail;
    private final String baseUrl;
    private final String defaultDomain;

    EmailChannel(MessageLog messageLog, TrackingTokens tokens, JavaMailSenderImpl mail, RapportProperties properties,
            @Value("${rapport.email.default-domain:rapport.example}") String defaultDomain) {
        this.log_ = messageLog;
        this.tokens = tokens;
        this.mail = mail;
        this.baseUrl = stripSlash(properties.baseUrl() == null ? "http://localhost:8080" : properties.baseUrl());
        this.defaultDomain = defaultDomain;
    }

    /** Claims and composes the email in the caller's transaction; nothing goes to SMTP here. */
    public MessageLog.Claim send(ApprovedContact contact, MessageTemplate template, Creditor creditor,
            TemplateRendering.Rendered rendered, UUID campaignId) {
        String domain = domainOf(creditor);
        String from = "notices@" + domain;
        return log_.claim(contact, new MessageLog.Outbound(template.id(), template.version(), campaignId, from,
                rendered.subject(), null, 0), id -> log_.transport(contact.tenant(), id,
                compose(contact, template, creditor, rendered, id, domain, from)));
    }

    /**
     * Hands the composed emails to SMTP over one connection, each exactly as stored (see {@link SmtpBatch}). Each email
     * is taken or not on its own: one the server refuses, or that was queued without its content, does not hold back
     * the others; when the server cannot be reached, or the connection breaks, the emails not yet taken are tried
     * again later.
     */
    public HandOvers transmit(List<MessageLog.Pending> batch) {
        HandOvers outcome = new HandOvers();
        Map<MimeMessage, MessageLog.Pending> handed = new IdentityHashMap<>();
        List<MimeMessage> mimes = new ArrayList<>(batch.size());
        for (MessageLog.Pending message : batch) {
            if (message.transport() == null) {
                outcome.notTaken(message.id(), TransmissionFailed.permanent("the email was queued without its content"));
                continue;
            }
            try {
                MimeMessage mime = new FixedIdMimeMessage(mail.getSession(),
                        new ByteArrayInputStream(Base64.getDecoder().decode(message.transport())));
                handed.put(mime, message);
                mimes.add(mime);
            } catch (MessagingException e) {
                outcome.notTaken(message.id(), notAccepted(e));
            }
        }
        if (mimes.isEmpty()) {
            return outcome;
        }
        Map<MimeMessage, Exception> refused = SmtpBatch.send(mail, mimes);
        for (MimeMessage mime : mimes) {
            MessageLog.Pending message = handed.get(mime);
            Exception failure = refused.get(mime);
            if (failure != null) {
                outcome.notTaken(message.id(), notAccepted(failure));
            } else {
                outcome.taken(message.id(), new Transmission(messageIdOf(mime), null));
            }
        }
        return outcome;
    }

    private static TransmissionFailed notAccepted(Exception e) {
        return TransmissionFailed.transientFailure("the mail server did not accept it (" + e.getClass().getSimpleName() + ")", e);
    }

    private static String messageIdOf(MimeMessage mime) {
        try {
            return mime.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException("a composed email without a readable Message-ID", e);
        }
    }

    /**
     * Claims a document the system composed itself (a validation notice), with the unsubscribe instruction and link
     * every email carries; its links are not tracked. Nothing goes to SMTP here either.
     */
    public MessageLog.Claim sendDocument(ApprovedContact contact, Creditor creditor, SystemDocument document) {
        String domain = domainOf(creditor);
        String from = "notices@" + domain;
        return log_.claim(contact, new MessageLog.Outbound(null, null, null, from, document.subject(), null, 0), id -> {
            String unsubscribeToken = tokens.issue(contact.tenant(), id, TrackingTokens.Purpose.UNSUBSCRIBE, null);
            EmailComposer.Composed email = EmailComposer.document(document, baseUrl + "/u/" + unsubscribeToken);
            log_.transport(contact.tenant(), id, mime(email, contact, creditor, id, domain, from, unsubscribeToken));
        });
    }

    private String compose(ApprovedContact contact, MessageTemplate template, Creditor creditor,
            TemplateRendering.Rendered rendered, MessageId id, String domain, String from) {
        var tenant = contact.tenant();
        String pixel = baseUrl + "/t/o/" + tokens.issue(tenant, id, TrackingTokens.Purpose.OPEN, null);
        String unsubscribeToken = tokens.issue(tenant, id, TrackingTokens.Purpose.UNSUBSCRIBE, null);
        Map<String, String> tracked = new HashMap<>();
        EmailComposer.Composed email = EmailComposer.compose(template.language(), creditor, rendered,
                url -> tracked.computeIfAbsent(url, u -> baseUrl + "/t/c/" + tokens.issue(tenant, id, TrackingTokens.Purpose.CLICK, u)),
                pixel, baseUrl + "/u/" + unsubscribeToken);
        return mime(email, contact, creditor, id, domain, from, unsubscribeToken);
    }

    /** The whole MIME message as it will go to SMTP, with our Message-ID, so a re-delivery sends the same bytes. */
    private String mime(EmailComposer.Composed email, ApprovedContact contact, Creditor creditor, MessageId id, String domain,
            String from, String unsubscribeToken) {
        String unsubscribeUrl = baseUrl + "/u/" + unsubscribeToken;
        try {
            MimeMessage mime = build(email, "<" + id + "@" + domain + ">", Layouts.senderName(creditor), from, contact.address(),
                    "<mailto:unsubscribe+" + unsubscribeToken + "@" + domain + ">, <" + unsubscribeUrl + ">");
            mime.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            mime.writeTo(bytes);
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the email could not be composed", e);
        }
    }

    private MimeMessage build(EmailComposer.Composed email, String messageId, String senderName, String from, String to,
            String listUnsubscribe) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new FixedIdMimeMessage(mail.getSession(), messageId);
        MimeMessageHelper helper = MimeParts.multipart(mime);
        helper.setFrom(new InternetAddress(from, senderName, "UTF-8"));
        helper.setTo(to);
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        mime.setHeader("List-Unsubscribe", listUnsubscribe);
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return mime;
    }

    /** The message id in a Message-ID header we wrote, if it is one of ours. */
    public static java.util.Optional<UUID> messageIdOf(String header) {
        if (header == null) {
            return java.util.Optional.empty();
        }
        Matcher m = MESSAGE_ID.matcher(header.trim());
        return m.matches() ? java.util.Optional.of(UUID.fromString(m.group(1))) : java.util.Optional.empty();
    }

    private String domainOf(Creditor creditor) {
        String domain = creditor.branding().emailDomain();
        return domain != null && domain.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}") ? domain.toLowerCase() : defaultDomain;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Keeps our Message-ID instead of the one Jakarta Mail would generate when saving. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String id;

        FixedIdMimeMessage(Session session, String id) {
            super(session);
            this.id = id;
            this.stored = false;
        }

        private final boolean stored;

        /** A composed message read back: keeps the Message-ID it was written with. */
        FixedIdMimeMessage(Session session, java.io.InputStream stored) throws MessagingException {
            super(session, stored);
            this.id = getHeader("Message-ID", null);
            this.stored = true;
        }

        /** A message read back from what was stored is complete: it goes out as it is, without being rebuilt. */
        @Override
        public void saveChanges() throws MessagingException {
            if (!stored) {
                super.saveChanges();
            }
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
