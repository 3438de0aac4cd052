package ca.gouv.qc.declarationsia.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.organization.LggriCategory;
import ca.gouv.qc.declarationsia.organization.Organization;
import ca.gouv.qc.declarationsia.organization.OrganizationRepository;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

/** Local mode runs a real PostgreSQL and a real SMTP catcher in-process, and steps aside for real servers. */
@IntegrationTest
class LocalModeTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationRepository organizations;

    @Test
    void the_database_is_the_embedded_postgresql() {
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).startsWith("jdbc:postgresql://localhost:");
    }

    /** The demo data local mode seeds (DemoData): a registry with every LGGRI category. */
    @Test
    void the_seeded_registry_spans_every_lggri_category() {
        assertThat(organizations.count()).isGreaterThanOrEqualTo(120);
        assertThat(organizations.findAll()).extracting(Organization::lggriCategory).contains(LggriCategory.values());
    }

    @Test
    void mail_sent_over_smtp_is_caught_and_shown_to_coordinators_as_sent_and_escaped() throws Exception {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("declarations-ia@mcn.example.qc.ca");
        // an address of its own: the dispatcher goes on delivering other tests' mail meanwhile
        mail.setTo("ia.local-mode@example.qc.ca");
        mail.setSubject("Campagne 2025 <b>ouverte</b>");
        mail.setText("Bonjour,\nla campagne est ouverte.");
        mailSender.send(mail);

        assertThat(mailCatcher.waitForIncomingEmail(5_000, 1)).isTrue();
        mvc.perform(get("/dev/mail").param("q", "ia.local-mode@").with(httpBasic("coordo", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ia.local-mode@example.qc.ca")))
                .andExpect(content().string(containsString("Campagne 2025 &lt;b&gt;ouverte&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>ouverte</b>"))))
                .andExpect(content().string(containsString("la campagne est ouverte.")));
        mvc.perform(get("/dev/mail").param("q", "IA.LOCAL-MODE@example").with(httpBasic("coordo", "demo")))
                .andExpect(content().string(containsString("Campagne 2025 &lt;b&gt;ouverte&lt;/b&gt;")));
        mvc.perform(get("/dev/mail").param("q", "nobody-at-all@nowhere").with(httpBasic("coordo", "demo")))
                .andExpect(content().string(containsString("0 courriel(s) affiché(s)")))
                .andExpect(content().string(not(containsString("Campagne 2025 &lt;b&gt;"))));
        for (String page : java.util.List.of("50000000", "-1", "abc", "99999999999999")) {
            mvc.perform(get("/dev/mail").param("page", page).with(httpBasic("coordo", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("courriel(s) affiché(s)")));
        }
    }

    private final ApplicationContextRunner localMode = new ApplicationContextRunner()
            .withInitializer(context -> context.getEnvironment().setActiveProfiles("local"))
            .withUserConfiguration(EmbeddedPostgresConfiguration.class, LocalMailConfiguration.class, Properties.class);

    @EnableConfigurationProperties(LocalModeProperties.class)
    static class Properties {
    }

    @Test
    void a_configured_database_and_smtp_server_replace_the_embedded_ones() {
        localMode.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.qc.ca/declarations",
                        "spring.mail.host=smtp.example.qc.ca")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
                    assertThat(context).doesNotHaveBean(GreenMail.class);
                });
    }

    @Test
    void the_production_profile_starts_no_embedded_server() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedPostgresConfiguration.class, LocalMailConfiguration.class, Properties.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
                    assertThat(context).doesNotHaveBean(GreenMail.class);
                });
    }
}
