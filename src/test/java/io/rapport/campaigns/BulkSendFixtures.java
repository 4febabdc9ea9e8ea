package io.rapport.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.messaging.Channel;
import io.rapport.messaging.MessageTemplates;
import io.rapport.platform.TenantId;
import io.rapport.support.ApiClient;
import io.rapport.support.SamplePlacements;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What bulk send tests share: consumers to send to, a template with a row field, counting what each consumer got. */
final class BulkSendFixtures {

    private BulkSendFixtures() {
    }

    /** A placed consumer with an email address and a mobile with text consent. */
    record Consumer(String ref, String email, String phone, AccountId account) {
    }

    static Consumer place(ApiClient api, String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = name.toLowerCase() + "." + suffix + "@example.com";
        String phone = "+1301555" + String.format("%04d", Math.floorMod(suffix.hashCode(), 10_000));
        String ref = "BS-" + name + "-" + suffix;
        ApiClient.Response placed = api.post("/api/v1/accounts", SamplePlacements.json(ref, name, "Diaz", phone, email));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return new Consumer(ref, email, phone, AccountId.of(placed.json().get("id").asString()));
    }

    /** The creditor's "spring-invoices" templates on email and text, both printing the row's invoice number. */
    static void invoiceTemplates(MessageTemplates templates, Accounts accounts, TenantId tenant, AccountId anyAccount) {
        UUID creditor = accounts.find(tenant, anyAccount).orElseThrow().creditor().id();
        var actor = io.rapport.platform.Actor.system(tenant, "test");
        templates.create(actor, new MessageTemplates.Draft(creditor, Channel.EMAIL, "en", "spring-invoices",
                "Invoice {{row.invoice_number}} from {{creditor.name}}",
                "Dear {{consumer.name}}, invoice {{row.invoice_number}}: pay {{payment.amount}} at {{payment.link}} until {{payment.expiresOn}}."));
        templates.create(actor, new MessageTemplates.Draft(creditor, Channel.SMS, "en", "spring-invoices", null,
                "{{creditor.name}}: invoice {{row.invoice_number}}, pay {{payment.amount}} at {{payment.link}}"));
    }

    static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.join(",", row)).append("\r\n");
        }
        return out.toString();
    }

    static long messagesTo(JdbcClient jdbc, UUID campaign, AccountId account) {
        return jdbc.sql("select count(*) from message where campaign_id = ? and account_id = ? and direction = 'OUTBOUND'")
                .params(campaign, account.value()).query(Long.class).single();
    }

    static long mailsTo(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(address)).count();
    }

    static MimeMessage mailTo(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(address)).findFirst().orElseThrow();
    }

    private static String recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? "" : Arrays.toString(all);
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    /** Waits (at most 30 s) until the bulk send's status is one of the given ones, and answers it. */
    static BulkSendStatus awaitStatus(Supplier<BulkSendStatus> status, String... wanted) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        BulkSendStatus last = status.get();
        while (!List.of(wanted).contains(last.status())) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the bulk send stayed " + last.status() + ": " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = status.get();
        }
        return last;
    }
}
