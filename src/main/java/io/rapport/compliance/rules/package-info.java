/**
 * The rules of the contact gate, one policy per protection of the catalogue. Internal to the
 * compliance module: other modules use {@link io.rapport.compliance.ContactGate}.
 */
package io.rapport.compliance.rules;
