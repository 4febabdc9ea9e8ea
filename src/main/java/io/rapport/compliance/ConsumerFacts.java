package io.rapport.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * What the gate knows about the consumer. Lists are never null (null becomes empty).
 *
 * @param state               the two-letter state of the mailing address; state rules apply by it
 * @param postalCode          the ZIP code of the mailing address
 * @param timeZones           IANA zones known to be the consumer's, besides address and phones
 * @param phones              the consumer's phone numbers
 * @param emails              the consumer's email addresses
 * @param inconvenientTimes   local time ranges the consumer said are inconvenient
 * @param deceased            the consumer died: estate workflow only
 * @param attorneyRepresented the consumer is represented by an attorney about the debt
 * @param bankruptcy          a bankruptcy filing, if any
 * @param ceaseReceivedOn     the day a written cease or refusal to pay was received
 * @param esignConsent        the consumer gave E-SIGN consent to receive notices electronically
 * @param optOuts             channels or addresses the consumer asked us not to use
 * @param consents            recorded consents per channel and address
 */
public record ConsumerFacts(String state, String postalCode, List<String> timeZones, List<ConsumerPhone> phones,
                            List<ConsumerEmail> emails, List<InconvenientTime> inconvenientTimes, boolean deceased,
                            boolean attorneyRepresented, Bankruptcy bankruptcy, LocalDate ceaseReceivedOn,
                            boolean esignConsent, List<OptOut> optOuts, List<Consent> consents) {

    public ConsumerFacts {
        timeZones = timeZones == null ? List.of() : List.copyOf(timeZones);
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        inconvenientTimes = inconvenientTimes == null ? List.of() : List.copyOf(inconvenientTimes);
        optOuts = optOuts == null ? List.of() : List.copyOf(optOuts);
        consents = consents == null ? List.of() : List.copyOf(consents);
    }

    /** A consumer we know nothing about: every rule reads it conservatively. */
    public static ConsumerFacts unknown() {
        return new ConsumerFacts(null, null, null, null, null, null, false, false, null, null, false, null, null);
    }
}
