package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.Direction;
import io.rapport.compliance.OptOut;
import io.rapport.compliance.PhoneNumbers;
import io.rapport.compliance.Purpose;
import io.rapport.compliance.RevocationLanguage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * TCPA-02: a consumer revokes consent to texts and prerecorded or autodialed calls by any
 * reasonable words, honored at once (47 CFR 64.1200, FCC 24-24). A revocation is an opt-out from
 * texts or calls on file, or an inbound message whose words revoke ({@link RevocationLanguage}).
 * It covers texts, prerecorded calls and voicemail drops to that number, or to every number when
 * the number it came from is not known. One text confirming the revocation may follow within 5
 * minutes.
 */
public final class RevocationPolicy implements ContactPolicy {

    static final String RULE = "TCPA-02";
    static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(5);

    private record Revocation(Instant at, String number, String how) {
    }

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        Channel channel = contact.channel();
        if (channel != Channel.SMS && channel != Channel.PRERECORDED_CALL && channel != Channel.VOICEMAIL) {
            return PolicyOutcome.allowed();
        }
        List<Revocation> revocations = new ArrayList<>();
        for (OptOut optOut : contact.consumer().optOuts()) {
            if (optOut.channel() != null && (optOut.channel() == Channel.SMS || optOut.channel().isTelephone())
                    && sameNumber(optOut.address(), contact.to()) && ContactPoints.inForce(contact, optOut)) {
                revocations.add(new Revocation(ContactPoints.since(optOut), optOut.address(),
                        "an opt-out from " + optOut.channel()));
            }
        }
        for (ContactAttempt attempt : contact.history()) {
            if (attempt.direction() == Direction.INBOUND && RevocationLanguage.revokes(attempt.content())
                    && sameNumber(attempt.to(), contact.to()) && !renewed(contact, attempt.at())) {
                revocations.add(new Revocation(attempt.at(), attempt.to(), "the reply '" + attempt.content().trim() + "'"));
            }
        }
        if (revocations.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        Revocation latest = revocations.stream().max(Comparator.comparing(Revocation::at)).orElseThrow();
        String what = "consent to texts and prerecorded calls" + (latest.number() == null ? "" : " to " + latest.number())
                + " was revoked by " + latest.how() + (latest.at().equals(Instant.MIN) ? "" : " on " + latest.at());
        if (contact.purpose() == Purpose.OPT_OUT_CONFIRMATION && channel == Channel.SMS) {
            Optional<ContactAttempt> earlier = contact.history().stream()
                    .filter(attempt -> attempt.direction() != Direction.INBOUND && attempt.channel() == Channel.SMS)
                    .filter(attempt -> attempt.at().isAfter(latest.at()) && sameNumber(attempt.to(), contact.to()))
                    .findFirst();
            boolean inTime = !latest.at().equals(Instant.MIN)
                    && !contact.at().isAfter(latest.at().plus(CONFIRMATION_WINDOW));
            if (earlier.isEmpty() && inTime) {
                return PolicyOutcome.allowed();
            }
            return PolicyOutcome.rejected(RULE, what + "; the one confirmation must be a single text within 5 minutes"
                    + (earlier.isPresent() ? " and was already sent on " + earlier.get().at() : ", which has passed")
                    + " (47 CFR 64.1200)");
        }
        return PolicyOutcome.rejected(RULE, what + ": honored at once (47 CFR 64.1200)");
    }

    private static boolean sameNumber(String revoked, String proposed) {
        // A revocation whose number is unknown covers every number; so does a proposal without one.
        return revoked == null || proposed == null || PhoneNumbers.same(revoked, proposed);
    }

    private static boolean renewed(ProposedContact contact, Instant revokedAt) {
        return contact.consumer().consents().stream()
                .anyMatch(consent -> consent.at() != null && consent.at().isAfter(revokedAt)
                        && !consent.at().isAfter(contact.at()) && consent.channel() != null
                        && (consent.channel() == Channel.SMS || consent.channel().isTelephone())
                        && (consent.address() == null || contact.to() == null || PhoneNumbers.same(consent.address(), contact.to())));
    }
}
