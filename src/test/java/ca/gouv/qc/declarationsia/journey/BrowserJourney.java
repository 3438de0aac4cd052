package ca.gouv.qc.declarationsia.journey;

import ca.gouv.qc.declarationsia.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A journey's one browser: started at its first test (the server's port is known then), closed after its last. */
abstract class BrowserJourney {

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = Browser.start(port);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
