package io.rapport.messaging.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender: the configured SMTP server (STARTTLS when it offers it, authenticated when a user is set), or the
 * in-process GreenMail server when none is configured.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean(destroyMethod = "stop")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("'${rapport.smtp.host:}'.isBlank()")
    GreenMail inProcessMailServer(SmtpSettings settings) {
        int port = settings.demoPort() == null ? 2525 : settings.demoPort();
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        log.info("No RAPPORT_SMTP_HOST set: mail goes to the in-process mail server on port {}; read it at /console/mailbox",
                server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSenderImpl mailSender(SmtpSettings settings, ObjectProvider<GreenMail> inProcess) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", "30000");
        GreenMail server = inProcess.getIfAvailable();
        if (settings.inProcess() && server != null) {
            sender.setHost("127.0.0.1");
            sender.setPort(server.getSmtp().getPort());
        } else {
            sender.setHost(settings.host());
            sender.setPort(settings.port() == null ? 587 : settings.port());
            props.put("mail.smtp.starttls.enable", "true");
            if (settings.user() != null && !settings.user().isBlank()) {
                sender.setUsername(settings.user());
                sender.setPassword(settings.password());
                props.put("mail.smtp.auth", "true");
            }
        }
        sender.setJavaMailProperties(props);
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
