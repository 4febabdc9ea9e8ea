package io.rapport.messaging.email;

import io.rapport.accounts.Creditor;
import io.rapport.messaging.ApprovedContact;
import io.rapport.messaging.EventKind;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.MessageTemplate;
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
import java.io.UnsupportedEncodingException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one email: claims the message (a retried send stops here), issues the open, click and unsubscribe tokens,
 * composes the branded multipart message from the creditor's sender name and domain, and hands it to SMTP, retrying
 * with backoff before marking it failed. The Message-ID carries the message id, so bounces and complaints correlate.
 */
@Component
public class EmailChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>]+>?");
    private static final long[] BACKOFF_MILLIS = {0, 500, 2000};

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

    public MessageId send(ApprovedContact contact, MessageTemplate template, Creditor creditor,
            TemplateRendering.Rendered rendered, UUID campaignId) {
        String domain = domainOf(creditor);
        String from = "notices@" + domain;
        MessageLog.Claim claim = log_.claim(contact, new MessageLog.Outbound(template.id(), template.version(), campaignId,
                from, rendered.subject(), null, 0));
        if (!claim.created()) {
            return claim.id();
        }
        MessageId id = claim.id();
        var tenant = contact.tenant();
        String pixel = baseUrl + "/t/o/" + tokens.issue(tenant, id, TrackingTokens.Purpose.OPEN, null);
        String unsubscribeToken = tokens.issue(tenant, id, TrackingTokens.Purpose.UNSUBSCRIBE, null);
        Map<String, String> tracked = new HashMap<>();
        EmailComposer.Composed email = EmailComposer.compose(template.language(), creditor, rendered,
                url -> tracked.computeIfAbsent(url, u -> baseUrl + "/t/c/" + tokens.issue(tenant, id, TrackingTokens.Purpose.CLICK, u)),
                pixel, baseUrl + "/u/" + unsubscribeToken);
        return deliver(contact, id, email, creditor, domain, from, unsubscribeToken);
    }

    /**
     * Sends a document the system composed itself, as it is, with the unsubscribe instruction and link every email
     * carries; its links are not tracked.
     */
    public MessageId sendDocument(ApprovedContact contact, Creditor creditor, SystemDocument document) {
        String domain = domainOf(creditor);
        String from = "notices@" + domain;
        MessageLog.Claim claim = log_.claim(contact, new MessageLog.Outbound(null, null, null, from, document.subject(), null, 0));
        if (!claim.created()) {
            return claim.id();
        }
        String unsubscribeToken = tokens.issue(contact.tenant(), claim.id(), TrackingTokens.Purpose.UNSUBSCRIBE, null);
        EmailComposer.Composed email = EmailComposer.document(document, baseUrl + "/u/" + unsubscribeToken);
        return deliver(contact, claim.id(), email, creditor, domain, from, unsubscribeToken);
    }

    /** Hands the composed email to SMTP, retrying with backoff before marking it failed. */
    private MessageId deliver(ApprovedContact contact, MessageId id, EmailComposer.Composed email, Creditor creditor,
            String domain, String from, String unsubscribeToken) {
        var tenant = contact.tenant();
        String unsubscribeUrl = baseUrl + "/u/" + unsubscribeToken;
        String messageId = "<" + id + "@" + domain + ">";
        String failure = null;
        for (long backoff : BACKOFF_MILLIS) {
            sleep(backoff);
            try {
                MimeMessage mime = build(email, messageId, Layouts.senderName(creditor), from, contact.address(),
                        "<mailto:unsubscribe+" + unsubscribeToken + "@" + domain + ">, <" + unsubscribeUrl + ">");
                mail.send(mime);
                log_.providerRef(tenant, id, messageId);
                log_.record(tenant, id, EventKind.SENT, null);
                return id;
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                failure = e.getClass().getSimpleName();
                log.warn("Sending email {} failed ({}), {}", id, e.getMessage(), backoff == BACKOFF_MILLIS[BACKOFF_MILLIS.length - 1]
                        ? "giving up" : "retrying");
            }
        }
        log_.record(tenant, id, EventKind.FAILED, "the mail server did not accept it (" + failure + ")");
        return id;
    }

    private MimeMessage build(EmailComposer.Composed email, String messageId, String senderName, String from, String to,
            String listUnsubscribe) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new FixedIdMimeMessage(mail.getSession(), messageId);
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
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

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
