package io.rapport.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Readable facts for the gate's tests: a consumer, debts, history and a proposal to decide. */
final class Facts {

    static final String NY_MOBILE = "+12125550100";
    static final String LA_MOBILE = "+12135550100";

    private Facts() {
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static DebtFacts debt(String id) {
        return new DebtFacts(id, null, null, false);
    }

    static ConsumerPhone mobile(String number) {
        return new ConsumerPhone(number, PhoneType.MOBILE, PhoneSource.CREDITOR);
    }

    static ConsumerPhone phone(String number, PhoneType type, PhoneSource source) {
        return new ConsumerPhone(number, type, source);
    }

    static ContactAttempt call(String at, String to, Outcome outcome, String... debtIds) {
        return new ContactAttempt(Instant.parse(at), Channel.CALL, Direction.OUTBOUND, to, List.of(debtIds), outcome);
    }

    static ContactAttempt inboundCall(String at, String from, Outcome outcome, String... debtIds) {
        return new ContactAttempt(Instant.parse(at), Channel.CALL, Direction.INBOUND, from, List.of(debtIds), outcome);
    }

    static ContactAttempt sent(String at, Channel channel, String to, Outcome outcome, String... debtIds) {
        return new ContactAttempt(Instant.parse(at), channel, Direction.OUTBOUND, to, List.of(debtIds), outcome);
    }

    static ContactAttempt reply(String at, String from, String content) {
        return new ContactAttempt(Instant.parse(at), Channel.SMS, Direction.INBOUND, from, List.of(), Outcome.DELIVERED, content);
    }

    /** Seven calls of the given outcome about the debts on one day, an hour apart from 14:00Z. */
    static List<ContactAttempt> calls(int count, String day, String to, Outcome outcome, String... debtIds) {
        List<ContactAttempt> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call(day + "T" + String.format("%02d", 14 + i) + ":00:00Z", to, outcome, debtIds));
        }
        return calls;
    }

    static Consumer consumer() {
        return new Consumer();
    }

    static Proposal proposal() {
        return new Proposal();
    }

    /** A consumer in New York with one mobile given to the creditor; change what a test needs. */
    static final class Consumer {
        String state = "NY";
        String postalCode = "10001";
        List<String> timeZones = new ArrayList<>();
        List<ConsumerPhone> phones = new ArrayList<>(List.of(mobile(NY_MOBILE)));
        List<ConsumerEmail> emails = new ArrayList<>();
        List<InconvenientTime> inconvenientTimes = new ArrayList<>();
        boolean deceased;
        boolean attorneyRepresented;
        Bankruptcy bankruptcy;
        LocalDate ceaseReceivedOn;
        boolean esignConsent;
        List<OptOut> optOuts = new ArrayList<>();
        List<Consent> consents = new ArrayList<>();

        Consumer address(String state, String postalCode) {
            this.state = state;
            this.postalCode = postalCode;
            return this;
        }

        Consumer phones(ConsumerPhone... phones) {
            this.phones = new ArrayList<>(Arrays.asList(phones));
            return this;
        }

        Consumer email(String address, boolean employerIssued, boolean consumerUsed) {
            emails.add(new ConsumerEmail(address, employerIssued, consumerUsed));
            return this;
        }

        Consumer knownZone(String zone) {
            timeZones.add(zone);
            return this;
        }

        Consumer inconvenient(String from, String to) {
            inconvenientTimes.add(new InconvenientTime(LocalTime.parse(from), LocalTime.parse(to)));
            return this;
        }

        Consumer deceased() {
            deceased = true;
            return this;
        }

        Consumer represented() {
            attorneyRepresented = true;
            return this;
        }

        Consumer bankruptcy(String filedOn, String dischargedOn) {
            bankruptcy = new Bankruptcy(filedOn == null ? null : LocalDate.parse(filedOn),
                    dischargedOn == null ? null : LocalDate.parse(dischargedOn));
            return this;
        }

        Consumer ceaseReceivedOn(String day) {
            ceaseReceivedOn = LocalDate.parse(day);
            return this;
        }

        Consumer esignConsent() {
            esignConsent = true;
            return this;
        }

        Consumer optOut(Channel channel, String address, String at) {
            optOuts.add(new OptOut(channel, address, at == null ? null : Instant.parse(at)));
            return this;
        }

        Consumer consent(Channel channel, String address, String at) {
            consents.add(new Consent(channel, address, Instant.parse(at)));
            return this;
        }

        ConsumerFacts build() {
            return new ConsumerFacts(state, postalCode, timeZones, phones, emails, inconvenientTimes, deceased,
                    attorneyRepresented, bankruptcy, ceaseReceivedOn, esignConsent, optOuts, consents);
        }
    }

    /** A collection call about D1 to the New York consumer's mobile; change what a test needs. */
    static final class Proposal {
        Instant at = Instant.parse("2025-07-15T16:00:00Z");
        Channel channel = Channel.CALL;
        String to = NY_MOBILE;
        Purpose purpose = Purpose.COLLECTION;
        List<String> debtIds = List.of("D1");
        String content;
        Consumer consumer = new Consumer();
        List<DebtFacts> debts = new ArrayList<>(List.of(debt("D1")));
        List<ContactAttempt> history = new ArrayList<>();

        Proposal at(String instant) {
            this.at = Instant.parse(instant);
            return this;
        }

        Proposal by(Channel channel, String to) {
            this.channel = channel;
            this.to = to;
            return this;
        }

        Proposal purpose(Purpose purpose) {
            this.purpose = purpose;
            return this;
        }

        Proposal about(String... debtIds) {
            this.debtIds = List.of(debtIds);
            return this;
        }

        Proposal content(String content) {
            this.content = content;
            return this;
        }

        Proposal consumer(Consumer consumer) {
            this.consumer = consumer;
            return this;
        }

        Proposal debts(DebtFacts... debts) {
            this.debts = new ArrayList<>(Arrays.asList(debts));
            return this;
        }

        Proposal history(List<ContactAttempt> attempts) {
            history.addAll(attempts);
            return this;
        }

        Proposal history(ContactAttempt... attempts) {
            return history(Arrays.asList(attempts));
        }

        ContactProposal build() {
            return new ContactProposal(at, channel, to, purpose, debtIds, content, consumer.build(), debts, history);
        }

        GateDecision evaluate() {
            return new ContactGate().evaluate(build());
        }
    }
}
