package io.rapport.messaging.templates;

import io.rapport.messaging.Channel;

/**
 * The statements every message carries whatever its author wrote: that it comes from a debt collector, and how to
 * stop it (Reply STOP for texts, an unsubscribe link for email). The system adds them; authors cannot leave them out.
 */
public final class Disclosures {

    private Disclosures() {
    }

    public static String debtCollector(String language) {
        return "es".equals(language)
                ? "Esta comunicación proviene de un cobrador de deudas. Se trata de un intento de cobrar una deuda y "
                        + "cualquier información obtenida se utilizará para ese fin."
                : "This communication is from a debt collector. This is an attempt to collect a debt and any information "
                        + "obtained will be used for that purpose.";
    }

    /**
     * The footer of every text: the full statement (a text is often the first communication, which
     * must carry all of it, 12 CFR 1006.18(e)(1)) and how to stop texts. It costs a segment; a text
     * the contact gate refuses costs more.
     */
    public static String smsFooter(String language) {
        return debtCollector(language) + ("es".equals(language)
                ? " Responda STOP para no recibir más mensajes."
                : " Reply STOP to opt out.");
    }

    public static String unsubscribe(String language) {
        return "es".equals(language) ? "Para dejar de recibir correos electrónicos, cancele su suscripción aquí:"
                : "To stop receiving these emails, unsubscribe here:";
    }

    public static String unsubscribeLabel(String language) {
        return "es".equals(language) ? "Cancelar suscripción" : "Unsubscribe";
    }

    /** What the author's part is followed by on each channel, for previews and the save-time check. */
    public static String footer(Channel channel, String language) {
        return channel == Channel.SMS ? smsFooter(language) : debtCollector(language);
    }
}
