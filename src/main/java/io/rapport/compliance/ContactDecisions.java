package io.rapport.compliance;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountId;
import io.rapport.platform.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Asks the gate about real accounts: the facts come from what Rapport has on file (see
 * {@link ContactLedger} for the history it counts). This is what agents' "may I contact now?"
 * and every outbound send use; the REST evaluate endpoint is the same gate on supplied facts.
 */
@Service
public class ContactDecisions {

    private final ContactGate gate;
    private final AccountContactFacts facts;
    private final Clock clock;

    ContactDecisions(ContactGate gate, AccountContactFacts facts, Clock clock) {
        this.gate = gate;
        this.facts = facts;
        this.clock = clock;
    }

    public GateDecision decide(TenantId tenant, AccountId account, Channel channel, String to, Purpose purpose, String content,
            Instant at) {
        return decide(tenant, account, channel, to, purpose, content, at, List.of());
    }

    /** As {@link #decide(TenantId, AccountId, Channel, String, Purpose, String, Instant)} about some debts only (none: all). */
    public GateDecision decide(TenantId tenant, AccountId account, Channel channel, String to, Purpose purpose, String content,
            Instant at, List<String> debtIds) {
        AccountContactFacts.OnFile onFile = facts.load(tenant, account, at);
        ContactProposal proposal = onFile.proposal(channel, to, purpose, content, at);
        if (!debtIds.isEmpty()) {
            proposal = new ContactProposal(at, channel, to, purpose, debtIds, content, onFile.consumer(), onFile.debts(),
                    onFile.history());
        }
        return gate.evaluate(proposal);
    }

    /**
     * The full disclosures a first message must carry (mini-Miranda and the opt-out instruction);
     * the "may I contact now?" question is asked of a message carrying them. A real send is judged
     * again on its own rendered content.
     */
    static final String SYSTEM_DISCLOSURES = "This communication is from a debt collector. This is an attempt to collect "
            + "a debt and any information obtained will be used for that purpose. Reply STOP to opt out or unsubscribe.";

    /**
     * Each way of reaching the consumer now, for collection: a call to every number, a text to
     * every mobile, an email to every address, and a letter.
     */
    public List<ContactAvailability> now(TenantId tenant, AccountId account) {
        return at(tenant, account, clock.instant());
    }

    /** The same question for another instant: "could we call at 9 tonight?" */
    public List<ContactAvailability> at(TenantId tenant, AccountId account, Instant at) {
        AccountContactFacts.OnFile onFile = facts.load(tenant, account, at);
        List<ContactAvailability> answers = new ArrayList<>();
        for (AccountDetails.ContactPoint point : onFile.account().contactPoints()) {
            if ("PHONE".equals(point.kind())) {
                answers.add(ask(onFile, Channel.CALL, point.value(), at));
                if (point.phoneType() == io.rapport.accounts.PhoneType.MOBILE) {
                    answers.add(ask(onFile, Channel.SMS, point.value(), at));
                }
            } else if ("EMAIL".equals(point.kind())) {
                answers.add(ask(onFile, Channel.EMAIL, point.value(), at));
            }
        }
        answers.add(ask(onFile, Channel.LETTER, null, at));
        return answers;
    }

    /**
     * The consumer's candidate time zones, as the gate works them out from the mailing address (first), the phone
     * numbers and known zones; every US state zone when none is known.
     */
    public List<java.time.ZoneId> zones(TenantId tenant, AccountId account) {
        return ConsumerTimeZones.of(facts.load(tenant, account, clock.instant()).consumer()).zones();
    }

    private ContactAvailability ask(AccountContactFacts.OnFile onFile, Channel channel, String to, Instant at) {
        String content = channel.isTelephone() ? null : SYSTEM_DISCLOSURES;
        return new ContactAvailability(channel, to,
                gate.evaluate(onFile.proposal(channel, to, Purpose.COLLECTION, content, at)));
    }
}
