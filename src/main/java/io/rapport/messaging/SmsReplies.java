package io.rapport.messaging;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.AccountQuery;
import io.rapport.accounts.Accounts;
import io.rapport.accounts.Creditor;
import io.rapport.accounts.Creditors;
import io.rapport.consent.ConsentChannel;
import io.rapport.consent.OptOuts;
import io.rapport.messaging.sms.ReplyIntents;
import io.rapport.messaging.sms.SmsChannel;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.Actor;
import io.rapport.platform.TenantId;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inbound texts. Each reply is matched to the account last texted from that number, kept (encrypted) as an inbound
 * message and filed in the {@link Inbox}, marks the message it answers as REPLIED and lands on the account's timeline. STOP and sentences meaning
 * "stop texting me" opt the number out at once and get one confirmation; START opts back in; HELP gets the
 * creditor's contact details.
 */
@Service
public class SmsReplies {

    public record Outcome(boolean matched, AccountId account, ReplyIntent intent, MessageId reply) {
    }

    private final MessageLog log;
    private final Accounts accounts;
    private final Creditors creditors;
    private final AccountHistory history;
    private final OptOuts optOuts;
    private final SmsChannel sms;
    private final ApplicationEventPublisher events;
    private final MessageDelivery delivery;
    private final Inbox inbox;
    private final TransactionTemplate tx;

    SmsReplies(MessageLog log, Accounts accounts, Creditors creditors, AccountHistory history, OptOuts optOuts, SmsChannel sms,
            ApplicationEventPublisher events, MessageDelivery delivery, Inbox inbox, PlatformTransactionManager transactions) {
        this.delivery = delivery;
        this.inbox = inbox;
        this.tx = new TransactionTemplate(transactions);
        this.log = log;
        this.accounts = accounts;
        this.creditors = creditors;
        this.history = history;
        this.optOuts = optOuts;
        this.sms = sms;
        this.events = events;
    }

    public Outcome receive(TenantId tenant, String from, String body) {
        ReplyIntent intent = ReplyIntents.of(body);
        Optional<MessageLog.Sent> answered = log.latestSentTo(tenant, Channel.SMS, from);
        Optional<AccountId> account = answered.map(MessageLog.Sent::account).or(() -> byPhone(tenant, from));
        if (account.isEmpty()) {
            return new Outcome(false, null, intent, null);
        }
        AccountId accountId = account.get();
        // A reply is never kept without its place in the inbox.
        MessageId reply = tx.execute(status -> {
            MessageId id = log.recordInbound(tenant, accountId, Channel.SMS, from, sms.sender(), body);
            inbox.received(tenant, id, intent);
            return id;
        });
        answered.ifPresent(sent -> log.record(tenant, sent.message(), EventKind.REPLIED, intent.name()));
        history.record(Actor.system(tenant, "messaging"), accountId, "message.reply",
                "Text reply" + (intent == ReplyIntent.OTHER ? "" : " (" + intent.name().replace('_', ' ').toLowerCase() + ")")
                        + ": \"" + RepliesOnTimeline.safe(body) + "\" (message " + reply + ")");
        AccountDetails details = accounts.find(tenant, accountId).orElseThrow();
        String language = "es".equals(details.consumer().language()) ? "es" : "en";
        Creditor creditor = creditors.find(tenant, details.creditor().id()).orElseThrow();
        switch (intent) {
            case OPT_OUT -> {
                if (optOuts.optOut(Actor.system(tenant, "messaging"), accountId.value(), ConsentChannel.SMS, from, "sms-reply")) {
                    reply(tenant, accountId, from, KeywordReplies.stopped(creditor, language));
                }
            }
            case OPT_IN -> reply(tenant, accountId, from,
                    optOuts.optIn(Actor.system(tenant, "messaging"), accountId.value(), ConsentChannel.SMS, from, "sms-reply START")
                            ? KeywordReplies.started(creditor, language) : KeywordReplies.cannotRestart(creditor, language));
            case HELP -> reply(tenant, accountId, from, KeywordReplies.help(creditor, language));
            case OTHER -> {
                // It waits in the inbox until an agent answers and marks it handled.
            }
        }
        events.publishEvent(new ReplyReceived(tenant, reply, accountId, Channel.SMS, intent));
        return new Outcome(true, accountId, intent, reply);
    }

    private void reply(TenantId tenant, AccountId account, String to, String text) {
        delivery.afterCommit(tenant, sms.reply(tenant, account, to, text));
    }

    private Optional<AccountId> byPhone(TenantId tenant, String phone) {
        var found = accounts.search(tenant, new AccountQuery(phone, null, null, null, null, null, null), null, 2).items();
        return found.size() == 1 ? Optional.of(found.get(0).id()) : Optional.empty();
    }

    /** What consumers read after a keyword. */
    static final class KeywordReplies {

        private KeywordReplies() {
        }

        static String stopped(Creditor creditor, String language) {
            String name = sender(creditor);
            return "es".equals(language)
                    ? name + ": No recibirá más mensajes de texto. Responda START para volver a recibirlos."
                    : name + ": You will receive no more text messages. Reply START to receive them again.";
        }

        static String started(Creditor creditor, String language) {
            String name = sender(creditor);
            return "es".equals(language)
                    ? name + ": Volverá a recibir mensajes de texto. Responda STOP para dejar de recibirlos."
                    : name + ": You will receive text messages again. Reply STOP to opt out.";
        }

        static String cannotRestart(Creditor creditor, String language) {
            String name = sender(creditor);
            String phone = creditor.branding().supportPhone();
            return "es".equals(language)
                    ? name + ": Para volver a recibir mensajes de texto, llámenos" + (phone == null ? "." : " al " + phone + ".")
                    : name + ": To receive text messages again, please call us" + (phone == null ? "." : " at " + phone + ".");
        }

        static String help(Creditor creditor, String language) {
            String name = sender(creditor);
            Creditor.Branding b = creditor.branding();
            String contact = (b.supportPhone() == null ? "" : " " + b.supportPhone())
                    + (b.supportHours() == null ? "" : " (" + b.supportHours() + ")");
            return "es".equals(language)
                    ? name + ": Ayuda:" + (contact.isEmpty() ? " responda a este mensaje." : contact + ".") + " Responda STOP para no recibir más mensajes."
                    : name + ": Help:" + (contact.isEmpty() ? " reply to this message." : contact + ".") + " Reply STOP to opt out.";
        }

        private static String sender(Creditor creditor) {
            String name = creditor.branding().senderName();
            return name == null || name.isBlank() ? creditor.name() : name;
        }
    }

    /** Replies on the timeline: long digit runs (card or social security numbers a consumer may text) are hidden. */
    static final class RepliesOnTimeline {

        private RepliesOnTimeline() {
        }

        static String safe(String body) {
            String text = body == null ? "" : body.replaceAll("[\\r\\n]+", " ").strip();
            text = text.replaceAll("(?:\\d[ -]?){7,}", "[number hidden]");
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }
}
