/**
 * Compliance: the contact gate that decides, from facts alone, whether a proposed contact with a
 * consumer is allowed now, and why not.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance")
package io.rapport.compliance;
