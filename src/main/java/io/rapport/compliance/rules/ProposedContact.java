package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;
import io.rapport.compliance.ConsumerFacts;
import io.rapport.compliance.ConsumerPhone;
import io.rapport.compliance.ConsumerTimeZones;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.ContactProposal;
import io.rapport.compliance.DebtFacts;
import io.rapport.compliance.PhoneNumbers;
import io.rapport.compliance.Purpose;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A proposal as the policies see it: the facts, the consumer's candidate zones worked out once, and
 * the questions several rules ask (which debts, which phone, which history).
 */
public final class ProposedContact {

    /**
     * Stands for "every debt" when the proposal names none and no debt facts were given: each
     * attempt in the history then counts, as it may have been about the same debt.
     */
    public static final String ANY_DEBT = "";

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final ContactProposal proposal;
    private final ConsumerTimeZones zones;
    private final List<ContactAttempt> history;
    /** The local day of each attempt per zone, worked out on first use: several rules count by them. */
    private final Map<ZoneId, long[]> historyDays = new HashMap<>();

    private RenderedText renderedText;
    private Boolean firstCommunication;

    private ProposedContact(ContactProposal proposal, ConsumerTimeZones zones, RenderedText renderedText) {
        this.proposal = proposal;
        this.zones = zones;
        this.renderedText = renderedText;
        this.history = proposal.history().stream().filter(attempt -> !attempt.at().isAfter(proposal.at())).toList();
    }

    public static ProposedContact of(ContactProposal proposal) {
        String number = proposal.channel() != null && proposal.channel().usesPhoneNumber() ? proposal.to() : null;
        return new ProposedContact(proposal, ConsumerTimeZones.of(proposal.consumer(), number), null);
    }

    /** The same contact at another instant. */
    public ProposedContact at(Instant other) {
        return new ProposedContact(proposal.at(other), zones, renderedText);
    }

    public Instant at() {
        return proposal.at();
    }

    public Channel channel() {
        return proposal.channel();
    }

    public Purpose purpose() {
        return proposal.purpose();
    }

    public String to() {
        return proposal.to();
    }

    public String content() {
        return proposal.content();
    }

    public boolean hasContent() {
        return proposal.content() != null && !proposal.content().isBlank();
    }

    /** The rendered content, normalized on first use; only when {@link #hasContent()}. */
    RenderedText renderedText() {
        if (renderedText == null) {
            renderedText = RenderedText.of(proposal.content());
        }
        return renderedText;
    }

    public ConsumerFacts consumer() {
        return proposal.consumer();
    }

    public ConsumerTimeZones zones() {
        return zones;
    }

    /** The contacts that happened up to the proposed instant. */
    public List<ContactAttempt> history() {
        return history;
    }

    /**
     * The local calendar day (as an epoch day) of each attempt of {@link #history()}, in the same
     * order, in the zone. Worked out once per zone and decision, as the frequency rules count the
     * same attempts by day again and again.
     */
    long[] historyDays(ZoneId zone) {
        long[] days = historyDays.get(zone);
        if (days == null) {
            days = LocalDays.epochDays(history, zone);
            historyDays.put(zone, days);
        }
        return days;
    }

    /**
     * The debts the contact is about: those named, else every debt with facts, else {@link #ANY_DEBT}.
     */
    public List<String> concernedDebts() {
        if (!proposal.debtIds().isEmpty()) {
            return proposal.debtIds();
        }
        List<String> known = proposal.debts().stream().map(DebtFacts::id).toList();
        return known.isEmpty() ? List.of(ANY_DEBT) : known;
    }

    public Optional<DebtFacts> debt(String id) {
        for (DebtFacts debt : proposal.debts()) {
            if (debt.id() != null && debt.id().equals(id)) {
                return Optional.of(debt);
            }
        }
        return Optional.empty();
    }

    /** Whether this is the first communication about a debt: worked out once, as the disclosures and MM-01 both ask. */
    boolean firstCommunication(BooleanSupplier workedOut) {
        if (firstCommunication == null) {
            firstCommunication = workedOut.getAsBoolean();
        }
        return firstCommunication;
    }

    /** The consumer's phone the contact goes to, if it is on file. */
    public Optional<ConsumerPhone> phoneContacted() {
        return phoneOf(proposal.to());
    }

    public Optional<ConsumerPhone> phoneOf(String number) {
        if (number == null) {
            return Optional.empty();
        }
        return consumer().phones().stream().filter(phone -> PhoneNumbers.same(phone.number(), number)).findFirst();
    }

    /**
     * Whether the contact happens on or after the given day at the consumer's location; with
     * several candidate zones, as soon as it is that day in any of them.
     */
    public boolean isOnOrAfter(LocalDate day) {
        return zones.zones().stream().anyMatch(zone -> !at().atZone(zone).toLocalDate().isBefore(day));
    }

    public LocalDate localDate(ZoneId zone) {
        return at().atZone(zone).toLocalDate();
    }

    /** "about D1", or words for every debt. */
    static String about(String debtId) {
        return ANY_DEBT.equals(debtId) ? "about any debt (the proposal names no debt, so every attempt counts)"
                : "about " + debtId;
    }

    static boolean concerns(ContactAttempt attempt, String debtId) {
        return ANY_DEBT.equals(debtId) || attempt.concerns(debtId);
    }
}
