/**
 * Compliance: the contact gate that decides, from facts alone, whether a proposed contact with a
 * consumer is allowed now, and why not; and the validation notices (Model Form B-1) with their
 * validation period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance")
package io.rapport.compliance;
