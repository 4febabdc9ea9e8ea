package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LCM-01: a voicemail must be a limited-content message (1006.2(j)): a person's name, a request to
 * reply, a number to reply to, a business name that does not suggest debt collection, and nothing
 * about the debt. Checked on the rendered script in English or Spanish; a voicemail without script
 * cannot be checked and is rejected.
 */
public final class LimitedContentMessagePolicy implements ContactPolicy {

    static final String RULE = "LCM-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (contact.channel() != Channel.VOICEMAIL) {
            return PolicyOutcome.allowed();
        }
        if (!contact.hasContent()) {
            return PolicyOutcome.rejected(RULE, "no voicemail script was given, so it cannot be shown to be a "
                    + "limited-content message (12 CFR 1006.2(j))");
        }
        RenderedText text = contact.renderedText();
        List<String> problems = new ArrayList<>();
        Optional<String> debtWords = text.debtReference();
        debtWords.ifPresent(word -> problems.add("it mentions '" + word + "', which refers to the debt or to collection"));
        if (!text.hasPersonName()) {
            problems.add("it gives no person's name (\"this is ...\" / \"le habla ...\")");
        }
        if (!text.hasReplyRequest()) {
            problems.add("it does not ask the consumer to reply");
        }
        if (!text.hasPhoneNumber()) {
            problems.add("it gives no number to reply to");
        }
        if (problems.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        return PolicyOutcome.rejected(RULE, "the voicemail is not a limited-content message: " + String.join("; ", problems)
                + " (12 CFR 1006.2(j))");
    }
}
