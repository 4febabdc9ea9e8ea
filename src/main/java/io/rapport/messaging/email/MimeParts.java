package io.rapport.messaging.email;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Builds the parts of our emails without the lookups the libraries' defaults repeat for every message, which cost
 * more than composing the message itself (measured on a bulk send, about half of the time spent per email):
 * Spring's helper reads the {@code mime.types} table from the class path for each message, and Jakarta Mail looks up
 * its stream provider through the service loader for each part. The table is read once here, and the provider is
 * named by the system property Jakarta Mail reads first (unless the deployment named one).
 */
final class MimeParts {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";
    private static final FileTypeMap TYPES;

    static {
        if (System.getProperty(STREAM_PROVIDER) == null && isPresent(ANGUS_STREAM_PROVIDER)) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        TYPES = types;
    }

    private MimeParts() {
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, MimeParts.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A helper for a multipart (text, HTML and inline parts) UTF-8 message. */
    static MimeMessageHelper multipart(MimeMessage mime) throws MessagingException {
        return new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8") {
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
                return TYPES;
            }
        };
    }
}
