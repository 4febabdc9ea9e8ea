package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;
import io.rapport.compliance.Disclosure;
import io.rapport.compliance.Purpose;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements a contact must carry: the full mini-Miranda in the first communication about a
 * debt, later the statement that it is from a debt collector (MM-01, 1006.18(e)); an opt-out
 * notice in emails and texts (1006.6(e)); the validation notice in the first communication or
 * within five days after it (VN-01, 1006.34(a)). A voicemail is a limited-content message and
 * carries none; credit reporting reaches no consumer.
 */
public final class RequiredDisclosures {

    private RequiredDisclosures() {
    }

    public static List<Disclosure> of(ProposedContact contact) {
        Channel channel = contact.channel();
        if (!channel.reachesConsumer() || channel == Channel.VOICEMAIL) {
            return List.of();
        }
        List<Disclosure> disclosures = new ArrayList<>();
        boolean first = isFirstCommunication(contact);
        disclosures.add(first ? Disclosure.MINI_MIRANDA : Disclosure.DEBT_COLLECTOR_STATEMENT);
        if (channel.isElectronic() && contact.purpose() != Purpose.OPT_OUT_CONFIRMATION) {
            disclosures.add(Disclosure.OPT_OUT_NOTICE);
        }
        if (contact.purpose() == Purpose.VALIDATION_NOTICE || (first && contact.purpose() == Purpose.COLLECTION)) {
            disclosures.add(Disclosure.VALIDATION_NOTICE);
        }
        return List.copyOf(disclosures);
    }

    /**
     * Whether no communication about one of the contact's debts happened yet: a conversation, or a
     * letter, email, text or prerecorded message we sent. Unanswered calls and voicemails (limited
     * content) are not communications.
     */
    public static boolean isFirstCommunication(ProposedContact contact) {
        return contact.firstCommunication(() -> contact.concernedDebts().stream().anyMatch(debt -> contact.history().stream()
                .noneMatch(attempt -> attempt.isCommunication() && ProposedContact.concerns(attempt, debt))));
    }
}
