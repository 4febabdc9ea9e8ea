package io.rapport.compliance;

/** What kind of line a consumer's phone number is. */
public enum PhoneType {
    MOBILE, LANDLINE, WORK;

    /** The consumer's residence or cellular number, as opposed to a work or other number. */
    public boolean isPersonal() {
        return this == MOBILE || this == LANDLINE;
    }
}
