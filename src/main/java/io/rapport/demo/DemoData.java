package io.rapport.demo;

import io.rapport.accounts.AccountHolds;
import io.rapport.accounts.AccountPlacement;
import io.rapport.accounts.Creditor;
import io.rapport.accounts.Creditors;
import io.rapport.accounts.HoldKind;
import io.rapport.accounts.Placement;
import io.rapport.accounts.PlacementOutcome;
import io.rapport.platform.Actor;
import io.rapport.platform.ApiKeys;
import io.rapport.platform.ConsoleUsers;
import io.rapport.platform.RapportProperties;
import io.rapport.platform.Role;
import io.rapport.platform.Tenant;
import io.rapport.platform.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo tenant on an empty database when {@code rapport.demo} is on, and on every
 * start prints where to open Rapport and how to sign in. The demo's generated credentials are
 * kept in {@code <data dir>/demo-credentials.properties} (readable by the owner only) so a
 * second start can print them again; a real installation has no such file.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final int ACCOUNTS = 2_000;

    private final Tenants tenants;
    private final ConsoleUsers users;
    private final ApiKeys apiKeys;
    private final Creditors creditors;
    private final AccountPlacement placement;
    private final AccountHolds holds;
    private final TransactionTemplate transactions;
    private final RapportProperties properties;
    private final Clock clock;
    private final boolean enabled;
    private final String configuredApiKey;
    private final String configuredPassword;

    DemoData(Tenants tenants, ConsoleUsers users, ApiKeys apiKeys, Creditors creditors, AccountPlacement placement,
            AccountHolds holds, TransactionTemplate transactions, RapportProperties properties, Clock clock,
            @Value("${rapport.demo:false}") boolean enabled,
            @Value("${RAPPORT_DEMO_API_KEY:${rapport.demo-api-key:}}") String configuredApiKey,
            @Value("${RAPPORT_DEMO_ADMIN_PASSWORD:${rapport.demo-admin-password:}}") String configuredPassword) {
        this.tenants = tenants;
        this.users = users;
        this.apiKeys = apiKeys;
        this.creditors = creditors;
        this.placement = placement;
        this.holds = holds;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.enabled = enabled;
        this.configuredApiKey = configuredApiKey;
        this.configuredPassword = configuredPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void seedAndAnnounce(ApplicationReadyEvent event) {
        if (!enabled) {
            return;
        }
        Properties credentials = tenants.all().isEmpty() ? seed() : readCredentials();
        String base = properties.baseUrl();
        String banner = """

                ============================================================
                 Rapport demo is running
                   Console : %s/console
                   API     : %s/api/v1   (docs: %s/swagger-ui.html)
                   Sign in : admin / %s
                   API key : %s
                 Data in %s
                ============================================================
                """.formatted(base, base, base, credentials.getProperty("admin.password", "(set at first start)"),
                credentials.getProperty("api.key", "(issued at first start; issue a new one in the console)"),
                properties.dataDir().toAbsolutePath().normalize());
        System.out.println(banner);
    }

    private Properties seed() {
        long started = System.nanoTime();
        Tenant tenant = tenants.create("Demo Recovery Partners");
        Actor system = Actor.system(tenant.id(), "demo");
        String password = configuredPassword.isBlank() ? generatePassword() : configuredPassword;
        users.create(system, "admin", "Demo Admin", Role.ADMIN, password);
        ApiKeys.Issued key = configuredApiKey.isBlank()
                ? apiKeys.issue(system, "Demo integration")
                : apiKeys.register(system, "Demo integration", configuredApiKey);

        creditors.create(system, "Bank of Rockville", new Creditor.Branding(null, "#0b3d91", "#f2a900",
                "Bank of Rockville Recoveries", "rockville.example.com", "+18005550123", "Mon–Fri 8am–8pm ET",
                "NY DCA #1234567; MD CAL #7654", "Bank of Rockville, PO Box 1234, Rockville, MD 20849"));
        creditors.create(system, "Sunrise Health Clinic", new Creditor.Branding(null, "#00695c", "#ff7043",
                "Sunrise Health Billing", "sunrise-health.example.com", "+18005550188", "Mon–Sat 9am–6pm CT",
                "TX Bond #998877", "Sunrise Health Clinic Billing, 500 Main Street, Houston, TX 77002"));

        DemoPeople people = new DemoPeople(20251122L);
        Instant now = clock.instant();
        List<PlacementOutcome> placed = new ArrayList<>();
        for (int batchStart = 1; batchStart <= ACCOUNTS; batchStart += 250) {
            List<Placement> batch = new ArrayList<>();
            for (int n = batchStart; n < batchStart + 250 && n <= ACCOUNTS; n++) {
                batch.add(people.next(n, n % 3 == 0 ? "Sunrise Health Clinic" : "Bank of Rockville", now));
            }
            placed.addAll(transactions.execute(status -> placement.placeAll(system, batch, "demo seed")));
        }
        // A few accounts in the states a real book holds: disputes, cease letters, bankruptcies, attorneys.
        HoldKind[] kinds = {HoldKind.DISPUTE, HoldKind.DISPUTE, HoldKind.CEASE, HoldKind.BANKRUPTCY_FILED, HoldKind.ATTORNEY,
                HoldKind.DECEASED};
        String[] reasons = {"Consumer disputed the balance in writing", "Consumer says the debt is not theirs (oral dispute)",
                "Written cease-communication letter received", "Chapter 7 petition filed", "Represented by counsel",
                "Death certificate received from family"};
        for (int i = 0; i < placed.size(); i += 37) {
            int k = people.nextInt(kinds.length);
            var account = placed.get(i).accountId();
            transactions.executeWithoutResult(status -> holds.place(system, account, null, kinds[k], reasons[k]));
        }
        Properties credentials = new Properties();
        credentials.setProperty("admin.password", password);
        credentials.setProperty("api.key", key.secret());
        writeCredentials(credentials);
        log.info("Seeded the demo tenant with {} accounts in {} ms", placed.size(), (System.nanoTime() - started) / 1_000_000);
        return credentials;
    }

    private Path credentialsFile() {
        return properties.dataDir().resolve("demo-credentials.properties");
    }

    private void writeCredentials(Properties credentials) {
        Path file = credentialsFile();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = Files.newBufferedWriter(file)) {
                credentials.store(out, "Demo credentials (generated at first start). A real installation has no such file.");
            }
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not POSIX: the data directory's permissions apply
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties readCredentials() {
        Properties credentials = new Properties();
        Path file = credentialsFile();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                credentials.load(in);
            } catch (IOException e) {
                log.warn("Could not read {}", file);
            }
        }
        if (!configuredApiKey.isBlank()) {
            credentials.setProperty("api.key", configuredApiKey);
        }
        return credentials;
    }

    private static String generatePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
