/**
 * The plug-in points of messaging: an SMS provider adapter implements {@link io.rapport.messaging.spi.SmsProvider}.
 */
@org.springframework.modulith.NamedInterface("spi")
package io.rapport.messaging.spi;
