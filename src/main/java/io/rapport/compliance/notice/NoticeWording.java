package io.rapport.compliance.notice;

import io.rapport.compliance.NoticeLanguage;
import io.rapport.platform.Money;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of Model Form B-1 (12 CFR 1006 Appendix B) and of its Spanish version, filled in with one notice's content.
 * Dates are written out ("August 9, 2026", "9 de agosto de 2026") and amounts in the debt's currency.
 */
final class NoticeWording {

    private NoticeWording() {
    }

    static Locale locale(NoticeLanguage language) {
        return language == NoticeLanguage.ES ? Locale.forLanguageTag("es-US") : Locale.US;
    }

    static String date(LocalDate date, NoticeLanguage language) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language)));
    }

    static String money(Money money, NoticeLanguage language) {
        Currency currency = Currency.getInstance(money.currency());
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(language));
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(money.toMajorUnits());
    }

    /** Every sentence and label of the notice, by key, in the notice's language. */
    static Map<String, String> of(NoticeContent n) {
        NoticeLanguage l = n.language();
        String itemized = date(n.itemizationDate(), l);
        String ends = date(n.period().endsOn(), l);
        Map<String, String> w = new LinkedHashMap<>();
        if (l == NoticeLanguage.ES) {
            w.put("title", "Aviso de validación de deuda");
            w.put("reference", "Referencia");
            w.put("noticeDate", "Fecha del aviso");
            w.put("intro", n.collectorName() + " es un cobrador de deudas. Estamos tratando de cobrar una deuda que usted le "
                    + "debe a " + n.currentCreditor() + ". Usaremos cualquier información que usted nos dé para ayudar a cobrar "
                    + "la deuda.");
            w.put("informationHeading", "Nuestra información indica:");
            w.put("account", "Usted tenía una cuenta de " + n.creditorOnItemizationDate() + " con el número de cuenta "
                    + n.accountNumber() + ".");
            w.put("itemizationCaption", "Detalle de la deuda");
            w.put("itemColumn", "Concepto");
            w.put("amountColumn", "Cantidad");
            w.put("owedThen", "Al " + itemized + ", usted debía:");
            w.put("between", "Entre el " + itemized + " y hoy:");
            w.put("interest", "Se le cobró esta cantidad en intereses:");
            w.put("fees", "Se le cobró esta cantidad en cargos:");
            w.put("payments", "Usted pagó o se le acreditó esta cantidad a la deuda:");
            w.put("total", "Cantidad total de la deuda ahora:");
            w.put("disputeHeading", "¿Cómo puede disputar la deuda?");
            w.put("disputeCall", "Llame o escríbanos antes del " + ends + " para disputar toda la deuda o parte de ella. "
                    + "Si no lo hace, supondremos que nuestra información es correcta.");
            w.put("disputeWrite", "Si nos escribe antes del " + ends + ", debemos dejar de cobrar cualquier cantidad que usted "
                    + "dispute hasta que le enviemos información que demuestre que usted debe la deuda. Puede usar el formulario "
                    + "a continuación o escribirnos sin el formulario. También puede incluir documentos de respaldo. "
                    + "Aceptamos disputas electrónicamente en " + n.electronicDisputeAddress() + ".");
            w.put("elseHeading", "¿Qué más puede hacer?");
            w.put("originalCreditor", "Escriba para pedir el nombre y la dirección del acreedor original, si es diferente del "
                    + "acreedor actual. Si nos escribe antes del " + ends + ", debemos dejar de cobrar hasta que le enviemos esa "
                    + "información. Puede usar el formulario a continuación o escribirnos sin el formulario. Aceptamos "
                    + "solicitudes electrónicamente en " + n.electronicDisputeAddress() + ".");
            w.put("cfpb", "Visite www.cfpb.gov/debt-collection para obtener más información sobre sus derechos según la ley "
                    + "federal. Por ejemplo, usted tiene derecho a detener o limitar la forma en que nos comunicamos con usted.");
            w.put("payment", "Comuníquese con nosotros para conocer sus opciones de pago.");
            w.put("contact", "Llámenos");
            w.put("cut", "Corte aquí y envíe este formulario");
            w.put("mailTo", "Envíe este formulario por correo a:");
            w.put("from", "De:");
            w.put("respondHeading", "¿Cómo desea responder?");
            w.put("checkAll", "Marque todo lo que corresponda:");
            w.put("disputeBecause", "Quiero disputar la deuda porque creo que:");
            w.put("notMine", "Esta no es mi deuda.");
            w.put("amountWrong", "La cantidad es incorrecta.");
            w.put("other", "Otro (describa al dorso o adjunte información adicional).");
            w.put("sendOriginal", "Quiero que me envíen el nombre y la dirección del acreedor original.");
            w.put("enclosed", "Adjunté esta cantidad:");
            w.put("payable", "Haga su cheque a nombre de " + n.collectorName() + ". Incluya el número de referencia "
                    + n.reference() + ".");
            w.put("onlineForm", "Para responder por internet, visite " + n.electronicDisputeAddress() + ".");
        } else {
            w.put("title", "Validation notice");
            w.put("reference", "Reference");
            w.put("noticeDate", "Notice date");
            w.put("intro", n.collectorName() + " is a debt collector. We are trying to collect a debt that you owe to "
                    + n.currentCreditor() + ". We will use any information you give us to help collect the debt.");
            w.put("informationHeading", "Our information shows:");
            w.put("account", "You had an account from " + n.creditorOnItemizationDate() + " with account number "
                    + n.accountNumber() + ".");
            w.put("itemizationCaption", "Itemization of the debt");
            w.put("itemColumn", "Item");
            w.put("amountColumn", "Amount");
            w.put("owedThen", "As of " + itemized + ", you owed:");
            w.put("between", "Between " + itemized + " and today:");
            w.put("interest", "You were charged this amount in interest:");
            w.put("fees", "You were charged this amount in fees:");
            w.put("payments", "You paid or were credited this amount toward the debt:");
            w.put("total", "Total amount of the debt now:");
            w.put("disputeHeading", "How can you dispute the debt?");
            w.put("disputeCall", "Call or write to us by " + ends + ", to dispute all or part of the debt. If you do not, "
                    + "we will assume that our information is correct.");
            w.put("disputeWrite", "If you write to us by " + ends + ", we must stop collection on any amount you dispute until "
                    + "we send you information that shows you owe the debt. You may use the form below or write to us without "
                    + "the form. You may also include supporting documents. We accept disputes electronically at "
                    + n.electronicDisputeAddress() + ".");
            w.put("elseHeading", "What else can you do?");
            w.put("originalCreditor", "Write to ask for the name and address of the original creditor, if different from the "
                    + "current creditor. If you write by " + ends + ", we must stop collection until we send you that "
                    + "information. You may use the form below or write to us without the form. We accept such requests "
                    + "electronically at " + n.electronicDisputeAddress() + ".");
            w.put("cfpb", "Go to www.cfpb.gov/debt-collection to learn more about your rights under federal law. For instance, "
                    + "you have the right to stop or limit how we contact you.");
            w.put("payment", "Contact us about your payment options.");
            w.put("spanish", "Póngase en contacto con nosotros para solicitar una copia de este formulario en español.");
            w.put("contact", "Call us");
            w.put("cut", "Cut here and return this form");
            w.put("mailTo", "Mail this form to:");
            w.put("from", "From:");
            w.put("respondHeading", "How do you want to respond?");
            w.put("checkAll", "Check all that apply:");
            w.put("disputeBecause", "I want to dispute the debt because I think:");
            w.put("notMine", "This is not my debt.");
            w.put("amountWrong", "The amount is wrong.");
            w.put("other", "Other (please describe on reverse or attach additional information).");
            w.put("sendOriginal", "I want you to send me the name and address of the original creditor.");
            w.put("enclosed", "I enclosed this amount:");
            w.put("payable", "Make your check payable to " + n.collectorName() + ". Include the reference number "
                    + n.reference() + ".");
            w.put("onlineForm", "To respond online, go to " + n.electronicDisputeAddress() + ".");
            w.put("spanishBox", "Quiero este formulario en español.");
        }
        return w;
    }
}
