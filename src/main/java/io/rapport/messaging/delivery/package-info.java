/**
 * What the channels and the delivery share about one hand-over to a provider: it was taken ({@link
 * io.rapport.messaging.delivery.Transmission}) or not ({@link io.rapport.messaging.delivery.TransmissionFailed}).
 */
package io.rapport.messaging.delivery;
