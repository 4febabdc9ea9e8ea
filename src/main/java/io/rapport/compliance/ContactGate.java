package io.rapport.compliance;

import io.rapport.compliance.rules.AttorneyPolicy;
import io.rapport.compliance.rules.BankruptcyPolicy;
import io.rapport.compliance.rules.CallFrequencyPolicy;
import io.rapport.compliance.rules.CeasePolicy;
import io.rapport.compliance.rules.ContactPolicy;
import io.rapport.compliance.rules.ContactVolumePolicy;
import io.rapport.compliance.rules.ConvenientHoursPolicy;
import io.rapport.compliance.rules.ConversationCoolingOffPolicy;
import io.rapport.compliance.rules.CreditReportingPolicy;
import io.rapport.compliance.rules.DeceasedPolicy;
import io.rapport.compliance.rules.DisputePolicy;
import io.rapport.compliance.rules.ESignConsentPolicy;
import io.rapport.compliance.rules.EmployerEmailPolicy;
import io.rapport.compliance.rules.InconvenientTimesPolicy;
import io.rapport.compliance.rules.LimitedContentMessagePolicy;
import io.rapport.compliance.rules.MiniMirandaDisclosurePolicy;
import io.rapport.compliance.rules.OptOutInstructionPolicy;
import io.rapport.compliance.rules.OptOutPolicy;
import io.rapport.compliance.rules.PolicyOutcome;
import io.rapport.compliance.rules.PolicyOutcome.Rejected;
import io.rapport.compliance.rules.PolicyOutcome.Warned;
import io.rapport.compliance.rules.ProposedContact;
import io.rapport.compliance.rules.RequiredDisclosures;
import io.rapport.compliance.rules.RevocationPolicy;
import io.rapport.compliance.rules.StateFrequencyOverlayPolicy;
import io.rapport.compliance.rules.TcpaConsentPolicy;
import io.rapport.compliance.rules.TimeBarredContentPolicy;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.InvalidRequest.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The contact gate: decides whether a proposed contact with a consumer may happen, as a pure
 * function of the facts in the proposal (consumer, debts, history, instant). The same facts always
 * give the same decision; nothing is read from or written to anywhere else.
 * <p>
 * Every rule of the catalogue is asked; the decision is {@code BLOCK} if any blocks, and lists
 * every blocking rule with its reason, the warnings, and the disclosures the contact must carry.
 * When every blocking reason lifts with time alone (hours of the day, frequency windows, waiting
 * periods), the decision also carries the earliest instant at which the same proposal is allowed.
 * Missing facts never allow a contact: a rule that lacks what it needs takes the conservative
 * reading and says so in its reason.
 */
public final class ContactGate {

    /** How many times the search for the earliest allowed instant may move forward. */
    private static final int MAX_POSTPONEMENTS = 200;

    private final List<ContactPolicy> policies;

    /** A gate with the tenant's settings and the state limits to apply. */
    public ContactGate(GateSettings settings, StateOverlays overlays) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(overlays, "overlays");
        this.policies = List.of(
                new CallFrequencyPolicy(),
                new ConversationCoolingOffPolicy(),
                new ContactVolumePolicy(settings),
                new StateFrequencyOverlayPolicy(overlays),
                new ConvenientHoursPolicy(),
                new InconvenientTimesPolicy(),
                new EmployerEmailPolicy(),
                new OptOutInstructionPolicy(),
                new OptOutPolicy(),
                new CeasePolicy(),
                new AttorneyPolicy(),
                new DisputePolicy(),
                new TimeBarredContentPolicy(),
                new CreditReportingPolicy(),
                new DeceasedPolicy(),
                new BankruptcyPolicy(),
                new LimitedContentMessagePolicy(),
                new TcpaConsentPolicy(),
                new RevocationPolicy(),
                new ESignConsentPolicy(),
                new MiniMirandaDisclosurePolicy());
    }

    /** A gate with the default settings and the state limits shipped with Rapport. */
    public ContactGate() {
        this(GateSettings.defaults(), StateOverlays.standard());
    }

    /**
     * Decides the proposal.
     *
     * @throws InvalidRequest naming each field when the proposal lacks its instant, channel or
     *                        purpose, or a history entry lacks its instant
     */
    public GateDecision evaluate(ContactProposal proposal) {
        validate(proposal);
        ProposedContact contact = ProposedContact.of(proposal);
        List<PolicyOutcome> outcomes = ask(contact);
        List<Rejected> rejections = rejections(outcomes);
        List<Reason> warnings = outcomes.stream()
                .filter(Warned.class::isInstance).map(Warned.class::cast).map(Warned::reason).toList();
        List<Disclosure> disclosures = RequiredDisclosures.of(contact);
        if (rejections.isEmpty()) {
            return new GateDecision(Decision.ALLOW, null, List.of(), warnings, disclosures);
        }
        List<Reason> reasons = rejections.stream().map(Rejected::reason).toList();
        return new GateDecision(Decision.BLOCK, earliestAllowed(contact, rejections), reasons, warnings, disclosures);
    }

    private List<PolicyOutcome> ask(ProposedContact contact) {
        return policies.stream().map(policy -> policy.evaluate(contact)).toList();
    }

    private static List<Rejected> rejections(List<PolicyOutcome> outcomes) {
        return outcomes.stream().filter(Rejected.class::isInstance).map(Rejected.class::cast).toList();
    }

    /**
     * Each rejection lifting with time says when it lifts at the earliest; nothing is allowed before
     * the latest of those. Asking again at that instant either allows (the answer) or yields later
     * lifting instants, so the search only moves forward and stops at the first allowed instant.
     */
    private Instant earliestAllowed(ProposedContact contact, List<Rejected> rejections) {
        List<Rejected> current = rejections;
        ProposedContact later = contact;
        for (int step = 0; step < MAX_POSTPONEMENTS; step++) {
            if (current.stream().anyMatch(rejection -> rejection.liftsAt() == null)) {
                return null;
            }
            Instant next = current.stream().map(Rejected::liftsAt).max(Instant::compareTo).orElseThrow();
            if (!next.isAfter(later.at())) {
                return null;
            }
            later = later.at(next);
            current = rejections(ask(later));
            if (current.isEmpty()) {
                return next;
            }
        }
        return null;
    }

    private static void validate(ContactProposal proposal) {
        if (proposal == null) {
            throw InvalidRequest.of("proposal", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (proposal.at() == null) {
            errors.add(new FieldError("at", "is required"));
        }
        if (proposal.channel() == null) {
            errors.add(new FieldError("channel", "is required"));
        }
        if (proposal.purpose() == null) {
            errors.add(new FieldError("purpose", "is required"));
        }
        for (int i = 0; i < proposal.history().size(); i++) {
            if (proposal.history().get(i) == null || proposal.history().get(i).at() == null) {
                errors.add(new FieldError("history[" + i + "].at", "is required"));
            }
        }
        for (int i = 0; i < proposal.consumer().inconvenientTimes().size(); i++) {
            InconvenientTime range = proposal.consumer().inconvenientTimes().get(i);
            if (range == null || range.from() == null || range.to() == null) {
                errors.add(new FieldError("consumer.inconvenientTimes[" + i + "]", "needs both from and to"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
