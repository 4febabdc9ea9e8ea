package io.rapport.campaigns;

import io.rapport.messaging.Channel;
import io.rapport.messaging.MessageTemplate;
import io.rapport.messaging.MessageTemplates;
import io.rapport.messaging.TemplateId;
import io.rapport.platform.Actor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The templates payment requests are sent with: the creditor's own template named {@code payment-request} (or
 * {@code payment-request-reminder}) for the channel and the consumer's language. A creditor that has none yet gets
 * Rapport's standard wording as version 1, which its staff can then edit like any template; so a new tenant can send
 * at once, and what was sent is always a versioned template.
 */
@Component
class PaymentRequestTemplates {

    enum Purpose {
        REQUEST("payment-request"), REMINDER("payment-request-reminder");

        final String templateName;

        Purpose(String templateName) {
            this.templateName = templateName;
        }
    }

    private record Key(TenantId tenant, UUID creditor, Channel channel, String language, String name) {
    }

    private final MessageTemplates templates;
    // Template ids never change once created (new versions keep the id), so they are safe to remember.
    private final Map<Key, TemplateId> known = new ConcurrentHashMap<>();

    PaymentRequestTemplates(MessageTemplates templates) {
        this.templates = templates;
    }

    TemplateId templateFor(TenantId tenant, UUID creditorId, Channel channel, String consumerLanguage, Purpose purpose) {
        String language = MessageTemplates.LANGUAGES.contains(consumerLanguage) ? consumerLanguage : "en";
        return templateNamed(tenant, creditorId, channel, language, purpose.templateName)
                .orElseGet(() -> provision(tenant, creditorId, channel, language, purpose));
    }

    /**
     * What a new request to this consumer is sent with on the channel: the creditor's template of that name in the
     * consumer's language (else English), or the standard {@code payment-request} template when no name is given.
     */
    Optional<TemplateId> forRequest(TenantId tenant, io.rapport.accounts.AccountDetails account, Channel channel, String name) {
        UUID creditor = account.creditor().id();
        String language = account.consumer().language();
        if (name == null) {
            return Optional.of(templateFor(tenant, creditor, channel, language, Purpose.REQUEST));
        }
        return templateNamed(tenant, creditor, channel, language, name)
                .or(() -> templateNamed(tenant, creditor, channel, "en", name));
    }

    /** A creditor's template chosen by name (a bulk send names one), in the consumer's language when it has one. */
    Optional<TemplateId> templateNamed(TenantId tenant, UUID creditorId, Channel channel, String language, String name) {
        Key key = new Key(tenant, creditorId, channel, language, name);
        TemplateId id = known.get(key);
        if (id != null) {
            return Optional.of(id);
        }
        Optional<TemplateId> found = templates.list(tenant, creditorId).stream()
                .filter(template -> template.channel() == channel && template.language().equals(language)
                        && template.name().equals(name))
                .map(MessageTemplate::id).findFirst();
        found.ifPresent(templateId -> known.put(key, templateId));
        return found;
    }

    private TemplateId provision(TenantId tenant, UUID creditorId, Channel channel, String language, Purpose purpose) {
        StandardWording.Text text = StandardWording.of(purpose, channel, language);
        try {
            return templates.create(Actor.system(tenant, "standard-templates"), new MessageTemplates.Draft(creditorId, channel,
                    language, purpose.templateName, text.subject(), text.body())).id();
        } catch (InvalidRequest createdMeanwhile) {
            // Another request provisioned it a moment ago (the name is unique per creditor, channel and language).
            return templateNamed(tenant, creditorId, channel, language, purpose.templateName).orElseThrow(() -> createdMeanwhile);
        }
    }
}
