package ca.gouv.qc.declarationsia.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Local mode's mail: an in-process SMTP server that catches every message, shown to coordinators at /dev/mail.
 * Skipped as soon as {@code spring.mail.host} names a real SMTP server.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class LocalMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalMailConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail mailCatcher(LocalModeProperties properties) {
        int port = properties.mail().smtpPort() > 0 ? properties.mail().smtpPort() : freePort();
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** A free port chosen once, so that a stopped catcher restarts where the mail sender expects it. */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail mailCatcher) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(mailCatcher.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        log.info("Mail catcher listening on SMTP port {}", mailCatcher.getSmtp().getPort());
        return sender;
    }
}
