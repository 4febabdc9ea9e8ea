package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;
import io.rapport.compliance.Consent;
import io.rapport.compliance.OptOut;
import io.rapport.compliance.PhoneNumbers;

import java.time.Instant;

/** Questions about consents and opt-outs that several policies ask. */
final class ContactPoints {

    private ContactPoints() {
    }

    /** Whether a recorded consent covers the channel and address at the contact's instant. */
    static boolean consented(ProposedContact contact, Channel channel, String address) {
        return contact.consumer().consents().stream()
                .filter(consent -> consent.channel() != null && consent.channel().sameFamilyAs(channel))
                .filter(consent -> consent.address() == null || PhoneNumbers.sameAddress(channel, consent.address(), address))
                .anyMatch(consent -> consent.at() == null || !consent.at().isAfter(contact.at()));
    }

    /** Whether the opt-out is in force at the contact's instant (not followed by a new consent). */
    static boolean inForce(ProposedContact contact, OptOut optOut) {
        Instant since = since(optOut);
        if (since.isAfter(contact.at())) {
            return false;
        }
        return contact.consumer().consents().stream().noneMatch(consent -> renews(consent, optOut, contact.at()));
    }

    /** When the opt-out took effect; an opt-out without a time has always been in force. */
    static Instant since(OptOut optOut) {
        return optOut.at() == null ? Instant.MIN : optOut.at();
    }

    private static boolean renews(Consent consent, OptOut optOut, Instant at) {
        // A consent without a time cannot be shown to come after the opt-out.
        return consent.at() != null && optOut.at() != null
                && consent.at().isAfter(optOut.at()) && !consent.at().isAfter(at)
                && consent.channel() != null && consent.channel().sameFamilyAs(optOut.channel())
                && (optOut.address() == null
                ? consent.address() == null
                : consent.address() == null || PhoneNumbers.sameAddress(optOut.channel(), consent.address(), optOut.address()));
    }

    /** Whether the address is the one the opt-out names (an opt-out without address covers them all). */
    static boolean covers(OptOut optOut, Channel channel, String address) {
        if (optOut.channel() == null || !optOut.channel().sameFamilyAs(channel)) {
            return false;
        }
        // With no address on either side we cannot rule the opt-out out.
        return optOut.address() == null || address == null || PhoneNumbers.sameAddress(channel, optOut.address(), address);
    }
}
