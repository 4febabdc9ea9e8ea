/**
 * Demo: on an empty embedded database, seeds a demo tenant with two branded creditor clients,
 * about 2,000 realistic synthetic accounts and an admin, and prints where to open Rapport.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.rapport.demo;
