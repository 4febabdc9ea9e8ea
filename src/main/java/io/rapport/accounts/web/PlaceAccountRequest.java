package io.rapport.accounts.web;

import io.rapport.consent.ConsentChannel;
import io.rapport.accounts.ContactSource;
import io.rapport.accounts.ItemizationDateType;
import io.rapport.accounts.PhoneNumbers;
import io.rapport.accounts.PhoneType;
import io.rapport.accounts.Placement;
import io.rapport.platform.InvalidRequest.FieldError;
import io.rapport.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The JSON body of {@code POST /api/v1/accounts}, as the API contract shows it. */
record PlaceAccountRequest(String externalRef, CreditorName creditor, ConsumerIn consumer, List<ConsentIn> consents,
        List<DebtIn> debts) {

    record CreditorName(String name) {
    }

    record ConsumerIn(String firstName, String lastName, LocalDate dateOfBirth, String ssnLast4, String language,
            Placement.PostalAddress address, List<EmailIn> emails, List<PhoneIn> phones) {
    }

    record EmailIn(String address, Boolean employerIssued) {
    }

    record PhoneIn(String number, PhoneType type, ContactSource source) {
    }

    record ConsentIn(ConsentChannel channel, String address, Boolean granted, String source, Instant at, String textShown) {
    }

    record DebtIn(String externalRef, String accountNumber, String originalCreditor, String currentCreditor,
            LocalDate itemizationDate, ItemizationDateType itemizationDateType, Money amountOnItemizationDate,
            Money interestSince, Money feesSince, Money paymentsSince, Money currentBalance, LocalDate lastPaymentOn,
            Boolean timeBarred) {
    }

    /**
     * The placement this request asks for. Phone numbers in any common format are normalized to
     * E.164; those that are not numbers are reported in {@code errors}. Missing interest, fees and
     * payments count as zero, as on a Model Form B-1 notice.
     */
    Placement toPlacement(List<FieldError> errors) {
        ConsumerIn c = consumer;
        List<Placement.Email> emails = new ArrayList<>();
        List<Placement.Phone> phones = new ArrayList<>();
        Placement.Consumer person = null;
        if (c != null) {
            person = new Placement.Consumer(c.firstName(), c.lastName(), c.dateOfBirth(), c.ssnLast4(), c.language(),
                    c.address() == null ? null : withDefaultCountry(c.address()));
            for (EmailIn e : nullSafe(c.emails())) {
                emails.add(new Placement.Email(e.address(), Boolean.TRUE.equals(e.employerIssued())));
            }
            List<PhoneIn> phoneList = nullSafe(c.phones());
            for (int i = 0; i < phoneList.size(); i++) {
                PhoneIn p = phoneList.get(i);
                String number = p.number();
                try {
                    number = PhoneNumbers.toE164(p.number());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("consumer.phones[" + i + "].number", e.getMessage()));
                }
                phones.add(new Placement.Phone(number, p.type(), p.source() == null ? ContactSource.CREDITOR : p.source()));
            }
        }
        List<Placement.ConsentGrant> grants = new ArrayList<>();
        for (ConsentIn g : nullSafe(consents)) {
            String address = g.address();
            if (address != null && (g.channel() == ConsentChannel.SMS || g.channel() == ConsentChannel.CALL
                    || g.channel() == ConsentChannel.PRERECORDED_CALL)) {
                String e164 = PhoneNumbers.tryE164(address);
                address = e164 != null ? e164 : address;
            }
            grants.add(new Placement.ConsentGrant(g.channel(), address, !Boolean.FALSE.equals(g.granted()), g.source(), g.at(),
                    g.textShown()));
        }
        List<Placement.NewDebt> newDebts = new ArrayList<>();
        for (DebtIn d : nullSafe(debts)) {
            String currency = d.amountOnItemizationDate() == null ? "USD" : d.amountOnItemizationDate().currency();
            newDebts.add(new Placement.NewDebt(d.externalRef(), d.accountNumber(), d.originalCreditor(), d.currentCreditor(),
                    d.itemizationDate(), d.itemizationDateType(), d.amountOnItemizationDate(),
                    orZero(d.interestSince(), currency), orZero(d.feesSince(), currency), orZero(d.paymentsSince(), currency),
                    d.currentBalance(), d.lastPaymentOn(), Boolean.TRUE.equals(d.timeBarred())));
        }
        return new Placement(externalRef, creditor == null ? null : creditor.name(), person, emails, phones, grants, newDebts);
    }

    private static Placement.PostalAddress withDefaultCountry(Placement.PostalAddress a) {
        return new Placement.PostalAddress(a.line1(), a.line2(), a.city(), a.state() == null ? null : a.state().trim().toUpperCase(),
                a.postalCode(), a.country() == null ? "US" : a.country());
    }

    private static Money orZero(Money money, String currency) {
        return money != null ? money : Money.zero(currency);
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
