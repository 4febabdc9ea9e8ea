package io.rapport.accounts;

import io.rapport.consent.ConsentChannel;
import io.rapport.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request to place an account: one consumer, their contact points and consents, and one or
 * more debts. The API and the spreadsheet import both build placements and both go through
 * {@link AccountPlacement}, so the same rules apply whichever way an account arrives.
 * Phone numbers are already in E.164 here; {@link PhoneNumbers} normalizes them.
 */
public record Placement(
        String externalRef,
        String creditorName,
        Consumer consumer,
        List<Email> emails,
        List<Phone> phones,
        List<ConsentGrant> consents,
        List<NewDebt> debts) {

    public Placement {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        consents = consents == null ? List.of() : List.copyOf(consents);
        debts = debts == null ? List.of() : List.copyOf(debts);
    }

    public record Consumer(String firstName, String lastName, LocalDate dateOfBirth, String ssnLast4, String language,
            PostalAddress address) {
    }

    public record PostalAddress(String line1, String line2, String city, String state, String postalCode, String country) {
    }

    public record Email(String address, boolean employerIssued) {
    }

    public record Phone(String number, PhoneType type, ContactSource source) {
    }

    /** Consent (or its refusal) to a channel at an address, with its evidence. */
    public record ConsentGrant(ConsentChannel channel, String address, boolean granted, String source, Instant at,
            String textShown) {
    }

    /**
     * A debt with its Model Form B-1 itemization. {@code currentBalance}, when given, must equal
     * amount on the itemization date + interest + fees - payments and credits.
     */
    public record NewDebt(String externalRef, String accountNumber, String originalCreditor, String currentCreditor,
            LocalDate itemizationDate, ItemizationDateType itemizationDateType, Money amountOnItemizationDate,
            Money interestSince, Money feesSince, Money paymentsSince, Money currentBalance, LocalDate lastPaymentOn,
            boolean timeBarred) {

        /** The current total the itemization adds up to. */
        public Money itemizedTotal() {
            return amountOnItemizationDate.plus(interestSince).plus(feesSince).minus(paymentsSince);
        }
    }
}
