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
        ServerSetup smtp = new ServerSetup(properties.mail().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (properties.mail().smtpPort() == 0) {
            smtp = smtp.dynamicPort();
        }
        return new GreenMail(smtp);
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail mailCatcher) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(mailCatcher.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        log.info("Mail catcher listening on SMTP port {}", mailCatcher.getSmtp().getPort());
        return sender;
    }
}
