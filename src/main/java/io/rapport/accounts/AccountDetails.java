package io.rapport.accounts;

import io.rapport.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything known about one account, decrypted for an authorised reader: the consumer,
 * contact points (with why one is undeliverable), consents with their evidence, itemized debts and holds;
 * {@code addressUndeliverable} is set when the mailing address was returned as undeliverable.
 */
public record AccountDetails(
        AccountId id,
        String externalRef,
        CreditorRef creditor,
        AccountStatus status,
        Money balance,
        Placement.Consumer consumer,
        Verification addressStatus,
        Undeliverable addressUndeliverable,
        List<ContactPoint> contactPoints,
        List<io.rapport.consent.Consent> consents,
        List<Debt> debts,
        List<Hold> holds,
        LocalDate delinquentSince,
        Instant placedAt,
        Instant updatedAt) {

    public record CreditorRef(UUID id, String name) {
    }

    public record ContactPoint(UUID id, String kind, String value, PhoneType phoneType, ContactSource source,
            boolean employerIssued, Verification verification, Undeliverable undeliverable) {
    }

    /** Why and since when a contact point or the mailing address is {@link Verification#UNDELIVERABLE}. */
    public record Undeliverable(String reason, Instant since) {
    }

    /** A debt with its Model Form B-1 itemization; the account number is shown by its last four letters or digits. */
    public record Debt(UUID id, String externalRef, String accountNumberLast4, String originalCreditor,
            String currentCreditor, LocalDate itemizationDate, ItemizationDateType itemizationDateType,
            Money amountOnItemizationDate, Money interestSince, Money feesSince, Money paymentsSince, Money currentBalance,
            LocalDate lastPaymentOn, boolean timeBarred, AccountStatus status) {
    }

    /**
     * A hold or flag with who placed it, when and why, and who released it and why. {@code from}, {@code to} and
     * {@code days} are the local window of an INCONVENIENT_TIME; {@code contactPointId} the address of an
     * EMPLOYER_EMAIL; {@code place} that of an INCONVENIENT_PLACE.
     */
    public record Hold(UUID id, UUID debtId, HoldKind kind, String reason, String placedBy, Instant placedAt,
            Instant releasedAt, String releasedBy, String releaseReason, UUID contactPointId, java.time.LocalTime from,
            java.time.LocalTime to, List<java.time.DayOfWeek> days, InconvenientPlace place) {

        public boolean isActive() {
            return releasedAt == null;
        }
    }

    public String consumerName() {
        return consumer.firstName() + " " + consumer.lastName();
    }
}
