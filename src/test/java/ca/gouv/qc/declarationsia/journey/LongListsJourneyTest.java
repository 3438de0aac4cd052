package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A coordinator among a thousand bodies, in a browser, in French then in English: the registry, a campaign's dashboard
 * and the mail catcher each filtered (by name without its accents, code, portfolio, status, recipient) and paged, the
 * filter kept from page to page; numbers as Québec writes them ("1 000" in French, "1,000" in English), dates that do
 * not wrap in a narrow window, a label for every code, no French spacing before an English colon.
 */
@IntegrationTest
class LongListsJourneyTest extends BrowserJourney {

    /** Planned, never launched: a thousand bodies targeted. */
    private static final int PLANNED = 2078;
    /** Launched: sixty of them invited. */
    private static final int OPEN = 2079;
    private static final int BODIES = 1_000;
    private static final int INVITED = 60;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        browser.resize(1280, 1024);
        campaigns.cleanUp(PLANNED);
        campaigns.cleanUp(OPEN);
    }

    @Test
    void a_coordinator_filters_the_registry_a_dashboard_and_the_mail_and_keeps_the_filter_from_page_to_page() {
        List<String> codes = aThousandBodies();
        campaigns.create(PLANNED, codes);
        campaigns.create(OPEN, codes.subList(0, INVITED));
        TestCampaigns.clockAt(LocalDateTime.of(OPEN, 9, 1, 13, 0));
        campaigns.launch(OPEN);
        campaigns.runDueJobs(OPEN);
        browser.logIn("coordo", "demo");

        // the registry: by a name typed without its accent, then by portfolio too; page 2 keeps both
        browser.open("/organisations");
        browser.type("q", "temoin");
        browser.submit("form.filters button[type=submit]");
        assertThat(browser.text("#registry caption")).as("a thousand, as French writes it").isEqualTo("1 000 organisme(s)");
        assertThat(markup("#registry caption")).as("its digits never split over two lines").startsWith("1\u00a0000 ");
        browser.choose("portfolio", "TRANSPORTS");
        browser.submit("form.filters button[type=submit]");
        assertThat(browser.text("#registry caption")).isEqualTo("500 organisme(s)");
        browser.submit(".pagination a[rel=next]");
        assertThat(browser.text(".pagination [aria-current=page]")).isEqualTo("Page 2 sur 10 : 51 à 100 sur 500");
        assertThat(browser.value("q")).as("the filter kept on page 2").isEqualTo("temoin");
        assertThat(browser.chosen("portfolio")).isEqualTo("TRANSPORTS");
        assertThat(browser.texts("#registry tbody tr")).hasSize(50)
                .allMatch(row -> row.contains("Organisme témoin JRN-L") && row.contains("Transports et Mobilité durable"));
        assertNoRawCode("the registry");
        browser.assertAccessible("the registry, filtered, page 2");
        browser.screenshot("long-lists-registry");

        browser.open("/organisations?lang=en&q=temoin");
        assertThat(browser.text("#registry caption")).as("a thousand, as English writes it").isEqualTo("1,000 organization(s)");
        browser.choose("portfolio", "TRANSPORTS");
        browser.submit("form.filters button[type=submit]");
        browser.submit(".pagination a[rel=next]");
        assertThat(browser.text(".pagination [aria-current=page]")).isEqualTo("Page 2 of 10: 51 to 100 of 500");
        assertThat(browser.texts("#registry tbody tr")).allMatch(row -> row.contains("Test body JRN-L")
                && row.contains("Transport and Sustainable Mobility"));
        assertEnglishColons("the registry, in English");
        browser.assertAccessible("the registry, in English");

        // a planned campaign of a thousand bodies: searched by code before its launch
        browser.open("/campagnes/" + PLANNED + "?lang=fr");
        assertThat(browser.text("#suivi caption")).isEqualTo("1 000 organisme(s)");
        assertThat(markup("#suivi caption")).as("the same on every page, however French was chosen").startsWith("1\u00a0000 ");
        assertThat(browser.texts("dl.summary dd")).as("bodies targeted").contains("1 000");
        browser.type("q", "jrn-l00");
        browser.submit("form.filters button[type=submit]");
        assertThat(browser.text("#suivi caption")).as("JRN-L0001 to JRN-L0099").isEqualTo("99 organisme(s)");
        browser.submit(".pagination a[rel=next]");
        assertThat(browser.value("q")).isEqualTo("jrn-l00");
        assertThat(browser.texts("#suivi tbody tr")).hasSize(49).allMatch(row -> row.contains("(JRN-L00"));
        browser.assertAccessible("a planned campaign, searched, page 2");
        browser.open("/campagnes/" + PLANNED + "?lang=en");
        assertThat(browser.pageText()).contains("1,000 organization(s)");
        assertEnglishColons("a planned campaign, in English");
        browser.open("/campagnes/" + PLANNED + "?lang=fr");

        // the open campaign: by name and status; page 2 keeps both, and the dates hold on one line in a narrow window
        browser.open("/campagnes/" + OPEN);
        browser.type("q", "témoin");
        browser.choose("status", "BROUILLON");
        browser.submit("form.filters button[type=submit]");
        assertThat(browser.text("#suivi caption")).isEqualTo(INVITED + " organisme(s)");
        browser.submit(".pagination a[rel=next]");
        assertThat(browser.text(".pagination [aria-current=page]")).isEqualTo("Page 2 sur 2 : organismes 51 à 60 sur 60");
        assertThat(browser.value("q")).isEqualTo("témoin");
        assertThat(browser.chosen("status")).isEqualTo("BROUILLON");
        assertThat(browser.texts("#suivi tbody tr")).hasSize(10)
                .allMatch(row -> row.contains("Organisme témoin JRN-L00") && row.contains("Brouillon"));
        List<String> export = browser.download("/campagnes/" + OPEN + "/suivi.csv?q=JRN-L0001").lines().toList();
        assertThat(export.get(0)).as("headings in words").startsWith("Code de l’organisme,Organisme,");
        assertThat(export.subList(1, export.size())).as("the export follows the search, in the page's words")
                .hasSize(1).allMatch(line -> line.startsWith("JRN-L0001,") && line.contains(",Non,Non,"))
                .noneMatch(line -> line.matches(".*\\d{4}-\\d{2}-\\d{2}T.*|.*,(true|false),.*"));
        browser.resize(700, 1000);
        assertThat(browser.texts("#suivi tbody td .nowrap")).anyMatch(date -> date.equals("31 octobre " + OPEN));
        assertThat(browser.lines("#suivi tbody td .nowrap")).as("no date wraps in a narrow window")
                .isNotEmpty().allMatch(lines -> lines == 1);
        assertNoRawCode("the dashboard");
        browser.assertAccessible("the dashboard, searched, page 2");
        browser.screenshot("long-lists-dashboard-narrow", "#suivi");
        browser.resize(1280, 1024);

        browser.open("/campagnes/" + OPEN + "?lang=en&q=JRN-L0001");
        assertThat(browser.texts("#suivi tbody tr")).hasSize(1)
                .allMatch(row -> row.contains("Test body JRN-L0001") && row.contains("Draft") && row.contains("October 31, " + OPEN));
        assertEnglishColons("the dashboard, in English");
        browser.assertAccessible("the dashboard, in English");
        browser.screenshot("long-lists-dashboard-en");

        // the mail catcher: by recipient; page 2 keeps it
        browser.open("/dev/mail?lang=fr");
        browser.type("q", "ia.jrn-l00");
        browser.submit("form.filters button[type=submit]");
        assertThat(browser.text("[role=status]")).startsWith(INVITED + " courriel(s) affiché(s) sur ");
        browser.submit(".pagination a[rel=next]");
        assertThat(browser.text(".pagination [aria-current=page]")).isEqualTo("Page 2 sur 3 : 21 à 40 sur 60");
        assertThat(browser.value("q")).isEqualTo("ia.jrn-l00");
        assertThat(browser.texts("article.mail dd:first-of-type")).hasSize(20).allMatch(to -> to.startsWith("ia.jrn-l00"));
        assertThat(browser.lines("article.mail dd.nowrap")).allMatch(lines -> lines == 1);
        browser.assertAccessible("the mail, filtered, page 2");
        browser.screenshot("long-lists-mail");
        browser.open("/dev/mail?lang=en&q=ia.jrn-l0001@");
        assertThat(browser.texts("article.mail h2")).hasSize(1).allMatch(subject -> subject.startsWith("Campagne " + OPEN));
        // the mails themselves are as they were sent (in the body's language): the page around them is English
        assertEnglishColons("the mail, in English", "header", "form.filters", "[role=status]", "article.mail dt", "footer");
        browser.open("/dev/mail?lang=fr");
        browser.logOut();
    }

    /** JRN-L0001 to JRN-L1000, "Organisme témoin …", every other one in Transports, the others in Finances. */
    private List<String> aThousandBodies() {
        List<String> codes = IntStream.rangeClosed(1, BODIES).mapToObj(i -> "JRN-L%04d".formatted(i)).toList();
        jdbc.batchUpdate("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values (?, ?, ?, 'ORGANISME_BUDGETAIRE', ?, false, ?)
                """, IntStream.range(0, BODIES).mapToObj(i -> new Object[] {codes.get(i), "Organisme témoin " + codes.get(i),
                "Test body " + codes.get(i), i % 2 == 0 ? "TRANSPORTS" : "FINANCES",
                "dri." + codes.get(i).toLowerCase() + "@example.qc.ca"}).toList());
        jdbc.batchUpdate("insert into organization_respondent (organization_code, position, email) values (?, 0, ?)",
                codes.stream().map(code -> new Object[] {code, "ia." + code.toLowerCase() + "@example.qc.ca"}).toList());
        return codes;
    }

    /** The text as the page holds it, spaces as they are (what the browser shows turns a no-break space into a space). */
    private static String markup(String css) {
        return browser.element(org.openqa.selenium.By.cssSelector(css)).getAttribute("textContent");
    }

    /** Every code is shown by its label: no status, mail kind or category code on the page. */
    private static void assertNoRawCode(String page) {
        String shown = browser.pageText();
        Stream.of(DeclarationStatus.values(), MailKind.values(), ca.gouv.qc.declarationsia.organization.LggriCategory.values())
                .flatMap(Arrays::stream).map(Enum::name)
                .forEach(code -> assertThat(shown).as(page + " shows the code " + code).doesNotContain(code));
    }

    /** English writes "Status: Draft", never French's "Status : Draft". */
    private static void assertEnglishColons(String page, String... parts) {
        String shown = parts.length == 0 ? browser.pageText()
                : Arrays.stream(parts).flatMap(css -> browser.texts(css).stream()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(shown).as(page + ": no space before a colon in English").doesNotContainPattern("\\s:");
    }
}
