package io.rapport.messaging;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.Creditor;
import io.rapport.messaging.email.EmailComposer;
import io.rapport.messaging.letters.LetterComposer;
import io.rapport.messaging.templates.Disclosures;
import io.rapport.messaging.sms.SmsChannel;
import io.rapport.messaging.sms.SmsSegments;
import io.rapport.messaging.templates.TemplateRendering;
import io.rapport.platform.RapportProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/** Previews exactly as each channel lays a message out, with untracked links. */
@Component
class ChannelLayouts {

    private final String baseUrl;
    private final Clock clock;

    ChannelLayouts(RapportProperties properties, Clock clock) {
        this.baseUrl = properties.baseUrl() == null ? "http://localhost:8080" : properties.baseUrl();
        this.clock = clock;
    }

    MessageTemplates.Preview preview(MessageTemplate template, Creditor creditor, AccountDetails account,
            TemplateRendering.Rendered rendered, PaymentRequestDetails payment) {
        return switch (template.channel()) {
            case EMAIL -> {
                EmailComposer.Composed email = EmailComposer.compose(template.language(), creditor, rendered, url -> url, null,
                        baseUrl + "/u/preview");
                yield new MessageTemplates.Preview(template.id(), template.version(), Channel.EMAIL, email.subject(), email.text(),
                        email.html(), null, null);
            }
            case SMS -> {
                String text = SmsChannel.finalText(rendered.body(), template.language());
                SmsSegments.Count count = SmsSegments.count(text);
                yield new MessageTemplates.Preview(template.id(), template.version(), Channel.SMS, null, text, null,
                        count.segments(), count.encoding().name());
            }
            // The letter's text as printed: the author's part and the debt-collector statement the layout adds, so the
            // gate's content check reads what the consumer will read.
            case LETTER -> new MessageTemplates.Preview(template.id(), template.version(), Channel.LETTER, null,
                    rendered.body() + "\n\n" + Disclosures.debtCollector(template.language()),
                    LetterComposer.compose(template.language(), creditor, account, rendered, payment,
                            LocalDate.now(clock.withZone(ZoneOffset.UTC))), null, null);
        };
    }
}
