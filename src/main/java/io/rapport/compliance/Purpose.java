package io.rapport.compliance;

/** Why a contact is made; several rules allow some purposes and block others. */
public enum Purpose {
    /** Any attempt to collect a debt. */
    COLLECTION,
    /** The validation notice of 1006.34. */
    VALIDATION_NOTICE,
    /** The one confirmation that an opt-out or revocation was honored. */
    OPT_OUT_CONFIRMATION,
    /** After a cease: the notice that efforts end, or of a specific remedy (1006.6(c)(2)). */
    CEASE_NOTICE,
    /** A receipt for a payment the consumer made. */
    RECEIPT;

    /** Whether the purpose is collection activity (which holds such as bankruptcy stop). */
    public boolean isCollectionActivity() {
        return this == COLLECTION || this == VALIDATION_NOTICE;
    }
}
