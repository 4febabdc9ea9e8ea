package io.rapport.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** Validation notices of a placed account through the REST API, read back as a consumer would read them. */
@RapportIntegrationTest
class ValidationNoticesIntegrationTests {

    static final String DISPUTE_ADDRESS = "Rockville Recovery Services\nPO Box 1234\nRockville, MD 20849";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    TestTenants.TestTenant tenant;
    ApiClient api;
    String account;
    String debt;

    @BeforeEach
    void placeAnAccount() {
        tenant = tenants.create("Rockville Recovery Services");
        api = new ApiClient(port, tenant.apiKey());
        JsonNode placed = api.post("/api/v1/accounts", SamplePlacements.json("VN-" + UUID.randomUUID())).json();
        account = placed.get("id").asString();
        debt = placed.get("debts").get(0).get("id").asString();
        String creditor = placed.get("creditor").get("id").asString();
        assertThat(api.put("/api/v1/creditors/" + creditor + "/branding", """
                {"primaryColor": "#1f4e79", "accentColor": "#2e7d32", "senderName": "Bank of Rockville",
                 "supportPhone": "(301) 555-0100", "supportHours": "Mon-Fri 9am-5pm",
                 "logoUrl": "https://rockville.example/logo.png",
                 "disputeAddress": "%s"}""".formatted(DISPUTE_ADDRESS.replace("\n", "\\n"))).status()).isEqualTo(200);
    }

    @Test
    void theEnglishLetterCarriesEveryFieldOfModelFormB1AndItsTotalsAddUp() throws IOException {
        HttpResponse<byte[]> response = bytes(notice("pdf", "sentOn=2026-07-02&language=en"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "validation-notice-en.pdf"), response.body());
        String text = text(response.body());
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains(
                "Rockville Recovery Services is a debt collector", // collector name
                "PO Box 1234", "Rockville, MD 20849", // dispute address
                "Ana Diaz", "2323 Park Street", "Apt 342", "Bethesda, MD 20815", // consumer
                "You had an account from Bank of Rockville with account number 123-456-789", // creditor then, full number
                "a debt that you owe to Bank of Rockville", // current creditor
                "As of January 2, 2025, you owed:", "$2,234.56",
                "Between January 2, 2025 and today:",
                "You were charged this amount in interest:", "+ $75.00",
                "You were charged this amount in fees:", "+ $25.00",
                "You paid or were credited this amount toward the debt:", "$50.00",
                "Total amount of the debt now:", "$2,284.56",
                "Call or write to us by August 9, 2026, to dispute all or part of the debt",
                "If you do not, we will assume that our information is correct",
                "If you write to us by August 9, 2026, we must stop collection on any amount you dispute",
                "Write to ask for the name and address of the original creditor",
                "www.cfpb.gov/debt-collection",
                "We accept disputes electronically at http://localhost/portal/disputes",
                "Póngase en contacto con nosotros para solicitar una copia de este formulario en español",
                "How do you want to respond?",
                "I want to dispute the debt because I think:", "This is not my debt.", "The amount is wrong.", "Other",
                "I want you to send me the name and address of the original creditor.",
                "I enclosed this amount:");
        assertThat(flat).doesNotContain("August 10, 2026");

        BigDecimal then = amountAfter(flat, "you owed:");
        BigDecimal interest = amountAfter(flat, "in interest:");
        BigDecimal fees = amountAfter(flat, "in fees:");
        BigDecimal payments = amountAfter(flat, "toward the debt:");
        BigDecimal total = amountAfter(flat, "Total amount of the debt now:");
        assertThat(then.add(interest).add(fees).subtract(payments)).isEqualByComparingTo(total);
        assertThat(total).isEqualByComparingTo("2284.56");
    }

    @Test
    void theValidationPeriodSkipsThanksgivingAndChristmas() {
        String flat = text(bytes(notice("pdf", "sentOn=2025-11-26&language=en")).body()).replaceAll("\\s+", " ");

        assertThat(flat).contains("Call or write to us by January 3, 2026,");
    }

    @Test
    void aConsumerWhoReadsSpanishGetsTheSpanishNotice() throws IOException {
        byte[] pdf = bytes(notice("pdf", "sentOn=2026-07-02")).body();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "validation-notice-es.pdf"), pdf);
        String flat = text(pdf).replaceAll("\\s+", " ");

        assertThat(flat).contains("Rockville Recovery Services es un cobrador de deudas", "Nuestra información indica:",
                "¿Cómo puede disputar la deuda?", "¿Qué más puede hacer?", "¿Cómo desea responder?",
                "Llame o escríbanos antes del 9 de agosto de 2026", "supondremos que nuestra información es correcta",
                "Quiero disputar la deuda porque creo que:", "Esta no es mi deuda.", "La cantidad es incorrecta.",
                "Adjunté esta cantidad:", "www.cfpb.gov/debt-collection", "123-456-789", "Cantidad total de la deuda ahora:");
        assertThat(flat).doesNotContain("How can you dispute the debt?");
    }

    @Test
    void theEmailIsWellFormedAccessibleHtmlWithAnItemizationTable() throws Exception {
        giveESignConsent();

        ApiClient.Response response = api.get(notice("html", "sentOn=2026-07-02&language=en"));

        assertThat(response.status()).isEqualTo(200);
        String html = response.body();
        Files.writeString(Path.of("target", "validation-notice-en.html"), html);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes("UTF-8")));
        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("lang")).isEqualTo("en");
        assertThat(document.getElementsByTagName("h1").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("h2").getLength()).isGreaterThanOrEqualTo(3);
        Element itemization = table(document, "itemization");
        assertThat(itemization.getElementsByTagName("caption").getLength()).isEqualTo(1);
        NodeList headers = itemization.getElementsByTagName("th");
        assertThat(headers.getLength()).isGreaterThanOrEqualTo(7);
        for (int i = 0; i < headers.getLength(); i++) {
            assertThat(((Element) headers.item(i)).getAttribute("scope")).isIn("col", "row");
        }
        NodeList images = document.getElementsByTagName("img");
        assertThat(images.getLength()).isEqualTo(1);
        assertThat(((Element) images.item(0)).getAttribute("alt")).isEqualTo("Rockville Recovery Services");
        assertThat(html).contains("Total amount of the debt now:", "$2,284.56", "August 9, 2026", "123-456-789",
                "www.cfpb.gov/debt-collection", "http://localhost/portal/disputes");
    }

    @Test
    void theSpanishEmailSaysItIsInSpanish() throws Exception {
        giveESignConsent();

        String html = api.get(notice("html", "sentOn=2026-07-02&language=es")).body();

        assertThat(html).contains("lang=\"es\"", "¿Cómo puede disputar la deuda?", "Cantidad total de la deuda ahora:");
    }

    @Test
    void anEmailNoticeWithoutESignConsentIsRefusedAndGoesByMail() {
        ApiClient.Response response = api.get(notice("html", "sentOn=2026-07-02&language=en"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("ESIGN-01", "E-SIGN consent", "send it by mail");
        assertThat(bytes(notice("pdf", "sentOn=2026-07-02&language=en")).statusCode()).isEqualTo(200);
    }

    @Test
    void anItemizationThatDoesNotAddUpIsRefusedNamingTheDebt() {
        jdbc.sql("update debt set current_balance = current_balance + 100 where id = ?").param(UUID.fromString(debt)).update();

        ApiClient.Response response = api.get(notice("pdf", "sentOn=2026-07-02&language=en"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("does not add up", debt, "2285.56");
    }

    @Test
    void everyGeneratedNoticeIsOnTheAccountTimeline() {
        bytes(notice("pdf", "sentOn=2026-07-02&language=en"));

        JsonNode timeline = api.get("/api/v1/accounts/" + account + "/timeline").json();

        assertThat(timeline.get("items").get(0).get("kind").asString()).isEqualTo("VALIDATION_NOTICE");
        assertThat(timeline.get("items").get(0).get("summary").asString())
                .contains("letter", "English", "2026-07-02", "ends 2026-08-09");
        assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = ? and action = 'validation-notice.generated'")
                .param(tenant.id().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherTenantsAccountIsNotFound() {
        ApiClient other = new ApiClient(port, tenants.create("Another agency").apiKey());

        assertThat(other.get(notice("pdf", "sentOn=2026-07-02")).status()).isEqualTo(404);
        assertThat(other.get(notice("html", "sentOn=2026-07-02")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + account + "/debts/" + UUID.randomUUID() + "/validation-notice.pdf?sentOn=2026-07-02")
                .status()).isEqualTo(404);
    }

    @Test
    void aBadSendingDayOrLanguageIsRefusedNamingTheField() {
        ApiClient.Response impossible = api.get(notice("pdf", "sentOn=2026-02-30"));
        ApiClient.Response missing = api.get(notice("pdf", "language=en"));
        ApiClient.Response french = api.get(notice("html", "sentOn=2026-07-02&language=fr"));

        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.body()).contains("sentOn");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("sentOn");
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.body()).contains("language");
    }

    private void giveESignConsent() {
        assertThat(api.post("/api/v1/accounts/" + account + "/consents",
                "{\"channel\": \"ESIGN\", \"granted\": true, \"source\": \"portal e-sign disclosure\"}").status()).isEqualTo(201);
    }

    private String notice(String format, String query) {
        return "/api/v1/accounts/" + account + "/debts/" + debt + "/validation-notice." + format + "?" + query;
    }

    private HttpResponse<byte[]> bytes(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + tenant.apiKey()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal amountAfter(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*[+\\-–]?\\s*\\$([0-9,]+\\.[0-9]{2})").matcher(text);
        assertThat(m.find()).as("an amount after '%s'", label).isTrue();
        return new BigDecimal(m.group(1).replace(",", ""));
    }

    private static Element table(Document document, String cssClass) {
        NodeList tables = document.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            if (table.getAttribute("class").contains(cssClass)) {
                return table;
            }
        }
        throw new AssertionError("no table of class " + cssClass);
    }
}
