package io.rapport.compliance.notice;

import io.rapport.compliance.NoticeLanguage;
import io.rapport.compliance.ValidationPeriod;
import io.rapport.platform.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * What one validation notice says, field by field as Model Form B-1 lists them (1006.34(c)), before it is worded in a
 * language and laid out as a letter or an email.
 *
 * @param collectorName            the agency collecting (the tenant)
 * @param disputeAddress           where the consumer mails disputes and requests (the creditor's branding)
 * @param electronicDisputeAddress where the consumer disputes online
 * @param creditorOnItemizationDate the creditor to whom the debt was owed on the itemization date
 * @param accountNumber            the full account number with that creditor
 */
public record NoticeContent(NoticeLanguage language, String collectorName, String disputeAddress,
        String electronicDisputeAddress, String supportPhone, String supportHours, String logoUrl, String brandColor,
        String consumerName, List<String> consumerAddress, String reference, String creditorOnItemizationDate,
        String accountNumber, String currentCreditor, LocalDate itemizationDate, Money amountOnItemizationDate,
        Money interest, Money fees, Money payments, Money currentTotal, ValidationPeriod period) {

    public NoticeContent {
        consumerAddress = List.copyOf(consumerAddress);
    }

    public LocalDate sentOn() {
        return period.sentOn();
    }
}
