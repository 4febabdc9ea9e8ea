package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;
import io.rapport.compliance.ConsumerEmail;
import io.rapport.compliance.PhoneNumbers;

import java.util.Optional;

/**
 * EMAIL-01: no email to an address the consumer's employer issued, unless the consumer used it
 * with us or consented to it (1006.22(f)(3)). An address not on file may be an employer's, so it
 * is not used either.
 */
public final class EmployerEmailPolicy implements ContactPolicy {

    static final String RULE = "EMAIL-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (contact.channel() != Channel.EMAIL) {
            return PolicyOutcome.allowed();
        }
        if (contact.to() == null || contact.to().isBlank()) {
            return PolicyOutcome.rejected(RULE, "the email proposal names no address, so it cannot be shown not to be "
                    + "one the consumer's employer issued (12 CFR 1006.22(f)(3))");
        }
        Optional<ConsumerEmail> known = contact.consumer().emails().stream()
                .filter(email -> PhoneNumbers.sameAddress(Channel.EMAIL, email.address(), contact.to()))
                .findFirst();
        if (known.isEmpty()) {
            return PolicyOutcome.rejected(RULE, contact.to() + " is not among the consumer's known email addresses, so "
                    + "it may be one the employer issued: not used until it is on file (12 CFR 1006.22(f)(3))");
        }
        ConsumerEmail email = known.get();
        if (email.employerIssued() && !email.consumerUsed() && !ContactPoints.consented(contact, Channel.EMAIL, contact.to())) {
            return PolicyOutcome.rejected(RULE, contact.to() + " was issued by the consumer's employer and the consumer "
                    + "neither used it with us nor consented to it (12 CFR 1006.22(f)(3))");
        }
        return PolicyOutcome.allowed();
    }
}
