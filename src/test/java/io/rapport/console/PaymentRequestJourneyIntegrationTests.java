package io.rapport.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.platform.Role;
import io.rapport.support.ApiClient;
import io.rapport.support.ElevenInTheMorningInMaryland;
import io.rapport.support.Eventually;
import io.rapport.support.SamplePlacements;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/**
 * The whole journey of a payment request in the console, as the demo shows it: one request by email, text and
 * letter; the email in the mailbox, the text in the outbox, the letter's QR code opening the same link; the consumer
 * answers STOP and texts are blocked from then on. The clock stands at 11:00 in Maryland.
 */
@Import(ElevenInTheMorningInMaryland.class)
class PaymentRequestJourneyIntegrationTests extends ConsoleInABrowser {

    @Override
    String tenantName() {
        return "Payment request journey";
    }

    @Test
    void aRequestByEmailTextAndLetterReachesEachAndAStopReplyBlocksLaterTexts() throws Exception {
        ApiClient api = new ApiClient(port, tenant.apiKey());
        String account = api.post("/api/v1/accounts", SamplePlacements.json("JOURNEY-1", "Ana", "Diaz", "+13015550188",
                "ana.journey@example.com")).json().get("id").asString();
        ConsoleSteps.signIn(page, tenant.username(Role.SUPERVISOR));
        page.navigate("/console/accounts/" + account);
        Locator panel = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Payment requests"));
        panel.getByLabel("Email").check();
        panel.getByLabel("Text").check();
        panel.getByLabel("Letter").check();
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create payment link")).click();

        assertThat(panel.getByRole(AriaRole.STATUS)).hasText("Payment link created: sent by email; sent by sms; sent by letter.");
        String link = panel.locator("tr[data-payment-request]").getByLabel("Payment link").inputValue();

        APIResponse letter = page.request().get(panel.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Letter PDF"))
                .getAttribute("href"));
        assertThat(letter.status()).isEqualTo(200);
        assertThat(qrCodesIn(letter.body())).containsExactly(link);

        Eventually.holds(() -> {
            page.navigate("/console/mailbox");
            assertThat(page.locator("main")).containsText("Su enlace de pago de Bank of Rockville");
        });
        Eventually.holds(() -> {
            page.navigate("/console/sms-outbox");
            assertThat(page.locator("main")).containsText(link);
        });
        Locator text = page.locator("tr", new Page.LocatorOptions().setHasText(link));
        text.getByLabel("Reply text").fill("STOP");
        text.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reply")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("OPT_OUT");
        text.getByLabel("Reply text").fill("Can I pay on Friday instead?");
        text.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reply")).click();
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Console"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inbox")).click();
        Locator replies = page.locator("tr[data-reply]");
        assertThat(replies).hasCount(1);
        assertThat(replies.first()).containsText("Can I pay on Friday instead?");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All replies")).click();
        assertThat(replies).hasCount(2);
        assertThat(replies.first()).containsText("Can I pay on Friday instead?");
        assertThat(replies.first()).containsText("Needs an agent");
        assertThat(replies.nth(1)).containsText("opt out (answered)");

        page.navigate("/console/accounts/" + account);
        panel.getByLabel("Text").check();
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create payment link")).click();
        assertThat(panel.getByRole(AriaRole.STATUS)).containsText("sms blocked");
        assertThat(panel.locator("tr[data-payment-request]").first()).containsText("BLOCKED");
    }

    /** Every QR code printed in the PDF, page by page; a scanner looks at several resolutions, and so does this. */
    private static java.util.List<String> qrCodesIn(byte[] pdf) throws Exception {
        java.util.List<String> found = new java.util.ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                for (int dpi : new int[] {150, 200, 100, 300}) {
                    BufferedImage image = renderer.renderImageWithDPI(i, dpi);
                    try {
                        found.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                                java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
                        break;
                    } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException none) {
                        // not readable at this resolution
                    }
                }
            }
        }
        return found;
    }
}
