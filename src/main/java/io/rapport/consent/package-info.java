/**
 * Consent: what each consumer agreed to, or refused, on each channel and address, with the
 * evidence (source, time, the text they saw), every revocation, and the opt-outs that arrive through
 * messages (STOP, unsubscribe links, complaints). Other capabilities ask it
 * before contacting anyone; it never forgets a revoked consent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent")
package io.rapport.consent;
