package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;
import io.rapport.compliance.ConsumerPhone;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.Direction;
import io.rapport.compliance.PhoneNumbers;
import io.rapport.compliance.PhoneType;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * TCPA-01: texts, prerecorded calls and voicemail drops to a mobile number need prior express
 * consent (47 CFR 64.1200(a)(1)): a number the consumer gave us or gave the creditor for the debt
 * counts, a skip-traced one does not, unless a consent is on record. A number not on file, or a
 * work number, may be a mobile and is read as one. Prerecorded calls to a residential landline
 * are limited to 3 in 30 days (47 CFR 64.1200(a)(3)).
 */
public final class TcpaConsentPolicy implements ContactPolicy {

    static final String RULE = "TCPA-01";
    static final int LANDLINE_MAX_CALLS = 3;
    static final Duration LANDLINE_WINDOW = Duration.ofDays(30);

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        Channel channel = contact.channel();
        if (channel != Channel.SMS && channel != Channel.PRERECORDED_CALL && channel != Channel.VOICEMAIL) {
            return PolicyOutcome.allowed();
        }
        String kind = channel == Channel.SMS ? "a text" : "a prerecorded call";
        if (contact.to() == null || contact.to().isBlank()) {
            return PolicyOutcome.rejected(RULE, kind + " proposal names no number, so consent cannot be shown (47 CFR 64.1200(a)(1))");
        }
        boolean consentOnRecord = ContactPoints.consented(contact, channel, contact.to());
        Optional<ConsumerPhone> phone = contact.phoneContacted();
        if (phone.isEmpty()) {
            return consentOnRecord ? PolicyOutcome.allowed() : PolicyOutcome.rejected(RULE, contact.to()
                    + " is not among the consumer's numbers, so it is read as a mobile number without consent: "
                    + kind + " needs prior express consent (47 CFR 64.1200(a)(1))");
        }
        PhoneType type = phone.get().type();
        if (channel == Channel.SMS || type != PhoneType.LANDLINE) {
            boolean given = phone.get().source() != null && phone.get().source().isPriorExpressConsent();
            if (given || consentOnRecord) {
                return PolicyOutcome.allowed();
            }
            String read = type == null ? " (type unknown, read as mobile)" : type == PhoneType.WORK ? " (a work number may be a mobile)" : "";
            String source = phone.get().source() == null ? "of unknown source" : "found by " + phone.get().source();
            return PolicyOutcome.rejected(RULE, contact.to() + read + " is " + source + " and no consent is on record: "
                    + kind + " to a mobile number needs prior express consent (47 CFR 64.1200(a)(1))");
        }
        Instant windowStart = contact.at().minus(LANDLINE_WINDOW);
        List<Instant> recent = contact.history().stream()
                .filter(attempt -> attempt.direction() != Direction.INBOUND)
                .filter(attempt -> attempt.channel() == Channel.PRERECORDED_CALL || attempt.channel() == Channel.VOICEMAIL)
                .filter(attempt -> PhoneNumbers.same(attempt.to(), contact.to()))
                .map(ContactAttempt::at)
                .filter(at -> at.isAfter(windowStart))
                .sorted(Comparator.reverseOrder())
                .toList();
        if (recent.size() >= LANDLINE_MAX_CALLS) {
            Instant liftsAt = recent.get(LANDLINE_MAX_CALLS - 1).plus(LANDLINE_WINDOW);
            return PolicyOutcome.rejectedUntil(RULE, recent.size() + " prerecorded calls to the landline " + contact.to()
                    + " in the last 30 days: at most 3 (47 CFR 64.1200(a)(3)); the next is allowed from " + liftsAt, liftsAt);
        }
        return PolicyOutcome.allowed();
    }
}
