package io.rapport.console;

import com.microsoft.playwright.Page;
import io.rapport.support.Browser;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.TestTenants;
import io.rapport.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A console test in headless Chromium: each test gets its own tenant and a fresh page at the console's address. */
@RapportIntegrationTest
abstract class ConsoleInABrowser {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    TestTenant tenant;
    Page page;

    /** The tenant's name, which the console shows beside the signed-in user. */
    abstract String tenantName();

    @BeforeEach
    void newTenantAndPage() {
        tenant = tenants.create(tenantName());
        page = browser.open("http://localhost:" + port);
    }
}
