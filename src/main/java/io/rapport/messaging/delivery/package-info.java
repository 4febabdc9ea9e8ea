/**
 * What the channels and the delivery share about handing messages to a provider: each message was taken ({@link
 * io.rapport.messaging.delivery.Transmission}) or not ({@link io.rapport.messaging.delivery.TransmissionFailed}), a
 * batch's outcome message by message ({@link io.rapport.messaging.delivery.HandOvers}), and the in-memory lanes that
 * carry messages to the dispatcher threads in batches ({@link io.rapport.messaging.delivery.Lane}).
 */
package io.rapport.messaging.delivery;
