package io.rapport.compliance;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.accounts.Creditor;
import io.rapport.accounts.Creditors;
import io.rapport.accounts.Placement;
import io.rapport.compliance.notice.Itemization;
import io.rapport.compliance.notice.NoticeContent;
import io.rapport.compliance.notice.NoticeDocument;
import io.rapport.consent.ConsentChannel;
import io.rapport.messaging.LetterPdf;
import io.rapport.messaging.SystemDocument;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Conflict;
import io.rapport.platform.NotFound;
import io.rapport.platform.RapportProperties;
import io.rapport.platform.Tenants;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validation notices (12 CFR 1006.34): the Model Form B-1 notice for one debt, as a printed letter (PDF) or as an
 * accessible email (HTML), in English or, on request, in Spanish. Promises:
 * <ul>
 * <li>the itemization is verified before anything is generated ({@link ItemizationDoesNotAddUp});</li>
 * <li>the validation period ends as VN-03 computes it for the day the notice is sent ({@link ValidationPeriod});</li>
 * <li>an email notice is refused without the consumer's E-SIGN consent in force ({@link ElectronicNoticeRefused},
 * ESIGN-01): it goes by mail;</li>
 * <li>every notice generated is written to the account's timeline and to the audit log.</li>
 * </ul>
 * Everything is read inside the actor's tenant: another tenant's account or debt is not found.
 */
@Service
public class ValidationNotices {

    /** Where consumers dispute or ask for the original creditor online, under the tenant's base URL. */
    static final String PORTAL_DISPUTES = "/portal/disputes";

    private final Accounts accounts;
    private final Creditors creditors;
    private final Tenants tenants;
    private final AccountHistory history;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final String baseUrl;

    ValidationNotices(Accounts accounts, Creditors creditors, Tenants tenants, AccountHistory history, AuditLog audit,
            PlatformTransactionManager transactionManager, RapportProperties properties) {
        this.accounts = accounts;
        this.creditors = creditors;
        this.tenants = tenants;
        this.history = history;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        String base = properties.baseUrl() == null ? "http://localhost:8080" : properties.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** How a notice reaches the consumer. */
    public enum Delivery { LETTER, EMAIL }

    /**
     * VN-01: the last day the validation notice may be sent when the first communication about the debt was on the given
     * day (5 calendar days after it).
     */
    public static LocalDate latestSendingDay(LocalDate firstCommunicationOn) {
        return ValidationNoticeSchedule.afterFirstCommunicationOn(firstCommunicationOn).latestSendingDay();
    }

    /**
     * The notice as a PDF letter, recorded on the timeline and in the audit log.
     *
     * @param language the notice's language, or null for the consumer's own (Spanish when it is {@code es})
     * @throws NotFound               when the tenant has no such account, or the account no such debt
     * @throws ItemizationDoesNotAddUp when the debt's amounts do not add up to its current total
     */
    public byte[] letter(Actor by, AccountId account, UUID debtId, LocalDate sentOn, NoticeLanguage language) {
        NoticeContent notice = prepare(by, account, debtId, sentOn, language, Delivery.LETTER);
        byte[] pdf = LetterPdf.render(NoticeDocument.letter(notice));
        recordGenerated(by, account, debtId, notice, Delivery.LETTER);
        return pdf;
    }

    /**
     * The notice as the HTML body of an email, recorded on the timeline and in the audit log.
     *
     * @throws ElectronicNoticeRefused when the consumer has no E-SIGN consent in force: send it by mail
     * @see #letter
     */
    public String email(Actor by, AccountId account, UUID debtId, LocalDate sentOn, NoticeLanguage language) {
        NoticeContent notice = prepare(by, account, debtId, sentOn, language, Delivery.EMAIL);
        String html = NoticeDocument.email(notice);
        recordGenerated(by, account, debtId, notice, Delivery.EMAIL);
        return html;
    }

    /**
     * The notice as a document for messaging to send as it is: the XHTML letter, or the email's HTML, with its text
     * for the contact gate. Recorded on the timeline and in the audit log as generated.
     *
     * @throws ItemizationDoesNotAddUp when the debt's amounts do not add up to its current total
     * @throws ElectronicNoticeRefused for an email without the consumer's E-SIGN consent in force
     */
    public SystemDocument document(Actor by, AccountId account, UUID debtId, LocalDate sentOn, Delivery delivery) {
        NoticeContent notice = prepare(by, account, debtId, sentOn, null, delivery);
        String html = delivery == Delivery.LETTER ? NoticeDocument.letter(notice) : NoticeDocument.email(notice);
        recordGenerated(by, account, debtId, notice, delivery);
        String subject = NoticeDocument.subject(notice);
        return new SystemDocument(KIND, notice.language().code(), subject, html, NoticeDocument.text(html));
    }

    /** What a validation notice is called in the message log. */
    public static final String KIND = "validation-notice";

    /** The validation period of a notice sent on the day (VN-03). */
    public static ValidationPeriod periodFor(LocalDate sentOn) {
        return ValidationPeriod.forNoticeSentOn(sentOn);
    }

    /** Whether the consumer has an E-SIGN consent in force, without which no notice goes electronically. */
    public static boolean hasESignConsent(AccountDetails details) {
        return details.consents().stream().anyMatch(c -> c.channel() == ConsentChannel.ESIGN && c.isInForce());
    }

    private NoticeContent prepare(Actor by, AccountId accountId, UUID debtId, LocalDate sentOn, NoticeLanguage language,
            Delivery delivery) {
        AccountDetails account = accounts.find(by.tenantId(), accountId)
                .orElseThrow(() -> new NotFound("account", accountId.value()));
        AccountDetails.Debt debt = account.debts().stream().filter(d -> d.id().equals(debtId)).findFirst()
                .orElseThrow(() -> new NotFound("debt", debtId));
        Itemization.verify(debt);
        if (delivery == Delivery.EMAIL && !hasESignConsent(account)) {
            throw new ElectronicNoticeRefused(accountId.value().toString());
        }
        Creditor creditor = creditors.find(by.tenantId(), account.creditor().id())
                .orElseThrow(() -> new NotFound("creditor", account.creditor().id()));
        Creditor.Branding branding = creditor.branding() != null ? creditor.branding() : Creditor.Branding.plain(creditor.name());
        if (branding.disputeAddress() == null || branding.disputeAddress().isBlank()) {
            throw new Conflict("creditor " + creditor.name() + " has no dispute address in its branding: a validation notice "
                    + "must tell the consumer where to mail a dispute (12 CFR 1006.34(c)(1)); set disputeAddress first");
        }
        String collector = tenants.find(by.tenantId()).orElseThrow(() -> new NotFound("tenant", by.tenantId().value())).name();
        String accountNumber = accounts.accountNumber(by.tenantId(), debtId).orElseThrow(() -> new NotFound("debt", debtId));
        NoticeLanguage chosen = language != null ? language : NoticeLanguage.forConsumer(account.consumer().language());
        return new NoticeContent(chosen, collector, branding.disputeAddress(), baseUrl + PORTAL_DISPUTES,
                branding.supportPhone(), branding.supportHours(), branding.logoUrl(), branding.primaryColor(),
                account.consumerName(), addressLines(account.consumer().address()),
                debt.externalRef() != null ? debt.externalRef() : account.externalRef(), debt.originalCreditor(),
                accountNumber, debt.currentCreditor(), debt.itemizationDate(), debt.amountOnItemizationDate(),
                debt.interestSince(), debt.feesSince(), debt.paymentsSince(), debt.currentBalance(),
                ValidationPeriod.forNoticeSentOn(sentOn));
    }

    private static List<String> addressLines(Placement.PostalAddress address) {
        List<String> lines = new ArrayList<>();
        if (address == null) {
            return lines;
        }
        if (address.line1() != null && !address.line1().isBlank()) {
            lines.add(address.line1());
        }
        if (address.line2() != null && !address.line2().isBlank()) {
            lines.add(address.line2());
        }
        String city = String.join(" ", List.of(
                (address.city() == null ? "" : address.city()) + (address.state() == null ? "" : ", " + address.state()),
                address.postalCode() == null ? "" : address.postalCode())).strip();
        if (!city.isEmpty()) {
            lines.add(city);
        }
        return lines;
    }

    private void recordGenerated(Actor by, AccountId account, UUID debtId, NoticeContent notice, Delivery delivery) {
        String language = notice.language() == NoticeLanguage.ES ? "Spanish" : "English";
        String summary = "Validation notice for debt " + notice.reference() + " generated as " + (delivery == Delivery.LETTER
                ? "a letter" : "an email") + " in " + language + ", to be sent on " + notice.sentOn()
                + "; validation period ends " + notice.period().endsOn();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("account", account.value());
        after.put("debt", debtId);
        after.put("delivery", delivery);
        after.put("language", notice.language().code());
        after.put("sentOn", notice.sentOn().toString());
        after.put("validationPeriodEndsOn", notice.period().endsOn().toString());
        after.put("currentTotal", notice.currentTotal().toString());
        transactions.executeWithoutResult(status -> {
            history.record(by, account, "VALIDATION_NOTICE", summary);
            audit.record(by, "validation-notice.generated", "Debt", debtId, null, after);
        });
    }
}
