package io.rapport.consent;

/** The ways of contact a consumer can consent to, or opt out of. */
public enum ConsentChannel {
    EMAIL, SMS, CALL, PRERECORDED_CALL, LETTER, ESIGN
}
