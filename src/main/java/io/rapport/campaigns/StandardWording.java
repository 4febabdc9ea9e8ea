package io.rapport.campaigns;

import io.rapport.messaging.Channel;

/**
 * Rapport's standard wording of a payment request and its reminder, in English and Spanish, per channel. Plain and
 * short: what is owed, to whom, the link and until when. The debt-collector statement and the opt-out instruction
 * are added by messaging to every message, so they are not repeated here.
 */
final class StandardWording {

    record Text(String subject, String body) {
    }

    private StandardWording() {
    }

    static Text of(PaymentRequestTemplates.Purpose purpose, Channel channel, String language) {
        boolean spanish = "es".equals(language);
        boolean reminder = purpose == PaymentRequestTemplates.Purpose.REMINDER;
        return switch (channel) {
            case SMS -> new Text(null, spanish ? smsEs(reminder) : smsEn(reminder));
            case EMAIL -> new Text(spanish ? subjectEs(reminder) : subjectEn(reminder), spanish ? letterEs(reminder) : letterEn(reminder));
            case LETTER -> new Text(null, spanish ? letterEs(reminder) : letterEn(reminder));
        };
    }

    private static String smsEn(boolean reminder) {
        return reminder
                ? "{{creditor.name}}: reminder, your payment link for {{payment.amount}} expires {{payment.expiresOn}}: {{payment.link}}"
                : "{{creditor.name}}: Hi {{consumer.firstName}}, you can pay {{payment.amount}} securely here until {{payment.expiresOn}}: {{payment.link}}";
    }

    private static String smsEs(boolean reminder) {
        return reminder
                ? "{{creditor.name}}: recordatorio, su enlace de pago por {{payment.amount}} vence el {{payment.expiresOn}}: {{payment.link}}"
                : "{{creditor.name}}: Hola {{consumer.firstName}}, puede pagar {{payment.amount}} de forma segura hasta el {{payment.expiresOn}}: {{payment.link}}";
    }

    private static String subjectEn(boolean reminder) {
        return reminder ? "Reminder: your {{creditor.name}} payment link expires {{payment.expiresOn}}"
                : "Your {{creditor.name}} payment link for {{payment.amount}}";
    }

    private static String subjectEs(boolean reminder) {
        return reminder ? "Recordatorio: su enlace de pago de {{creditor.name}} vence el {{payment.expiresOn}}"
                : "Su enlace de pago de {{creditor.name}} por {{payment.amount}}";
    }

    private static String letterEn(boolean reminder) {
        return """
                Dear {{consumer.name}},

                %s

                Amount: {{payment.amount}}
                Account: {{debt.creditor}} {{debt.accountNumber}}
                Pay securely online: {{payment.link}}
                The link is valid until {{payment.expiresOn}}.
                {{#payment.settlement}}
                {{creditor.name}} will accept {{payment.settlement.amount}} as settlement in full if it is paid by {{payment.settlement.validUntil}}.
                {{/payment.settlement}}

                Questions? Call {{creditor.name}}{{#creditor.supportPhone}} at {{creditor.supportPhone}}{{/creditor.supportPhone}}.
                """.formatted(reminder ? "This is a reminder that your payment link expires soon."
                        : "You can pay your balance, or set up a plan that fits your budget, through your personal payment link.");
    }

    private static String letterEs(boolean reminder) {
        return """
                Estimado(a) {{consumer.name}}:

                %s

                Importe: {{payment.amount}}
                Cuenta: {{debt.creditor}} {{debt.accountNumber}}
                Pague de forma segura en línea: {{payment.link}}
                El enlace es válido hasta el {{payment.expiresOn}}.
                {{#payment.settlement}}
                {{creditor.name}} aceptará {{payment.settlement.amount}} como liquidación total si se paga antes del {{payment.settlement.validUntil}}.
                {{/payment.settlement}}

                ¿Preguntas? Llame a {{creditor.name}}{{#creditor.supportPhone}} al {{creditor.supportPhone}}{{/creditor.supportPhone}}.
                """.formatted(reminder ? "Le recordamos que su enlace de pago vence pronto."
                        : "Puede pagar su saldo, o acordar un plan que se ajuste a su presupuesto, con su enlace de pago personal.");
    }
}
