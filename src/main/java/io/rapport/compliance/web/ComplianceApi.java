package io.rapport.compliance.web;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.rapport.compliance.Channel;
import io.rapport.compliance.ContactGate;
import io.rapport.compliance.ContactProposal;
import io.rapport.compliance.GateDecision;
import io.rapport.compliance.ValidationPeriod;
import io.rapport.platform.InvalidRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.rapport.platform.InvalidRequest.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compliance contract's endpoints: "may this contact happen, and if not, why and when?"
 * for any facts a caller supplies, and the validation period of a notice.
 */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(name = "Compliance", description = "The contact gate and the validation period")
class ComplianceApi {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final ContactGate gate;
    /** Facts "not needed may be omitted" (the contract): an absent true/false fact reads as false. */
    private final JsonMapper facts;

    ComplianceApi(ContactGate gate, JsonMapper json) {
        this.gate = gate;
        this.facts = json.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    @PostMapping("/evaluate")
    @Operation(summary = "Decide a proposed contact from the facts given: ALLOW or BLOCK with every reason, "
            + "warnings, required disclosures and the earliest allowed instant when only time blocks")
    GateDecision evaluate(@RequestBody JsonNode body) {
        ContactProposal proposal = read(body);
        List<FieldError> errors = new ArrayList<>();
        if (proposal.to() != null && isPhoneChannel(proposal.channel())) {
            phone(errors, "to", proposal.to());
        }
        for (int i = 0; i < proposal.consumer().phones().size(); i++) {
            var phone = proposal.consumer().phones().get(i);
            phone(errors, "consumer.phones[" + i + "].number", phone == null ? null : phone.number());
        }
        for (int i = 0; i < proposal.consumer().timeZones().size(); i++) {
            String zone = proposal.consumer().timeZones().get(i);
            try {
                ZoneId.of(zone);
            } catch (DateTimeException | NullPointerException e) {
                errors.add(new FieldError("consumer.timeZones[" + i + "]", "'" + zone + "' is not an IANA time zone"));
            }
        }
        String state = proposal.consumer().state();
        if (state != null && !state.matches("[A-Za-z]{2}")) {
            errors.add(new FieldError("consumer.state", "'" + state + "' is not a two-letter state code"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return gate.evaluate(proposal);
    }

    record ValidationPeriodResponse(LocalDate sentOn, LocalDate assumedReceiptOn, LocalDate endsOn) {
    }

    @GetMapping("/validation-period")
    @Operation(summary = "The validation period of a notice sent on a day (VN-03): assumed receipt and last day")
    ValidationPeriodResponse validationPeriod(@RequestParam(required = false) String sentOn) {
        if (sentOn == null || sentOn.isBlank()) {
            throw InvalidRequest.of("sentOn", "is required, as YYYY-MM-DD");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(sentOn);
        } catch (DateTimeException e) {
            throw InvalidRequest.of("sentOn", "'" + sentOn + "' is not a date (YYYY-MM-DD)");
        }
        ValidationPeriod period = ValidationPeriod.forNoticeSentOn(day);
        return new ValidationPeriodResponse(period.sentOn(), period.assumedReceiptOn(), period.endsOn());
    }

    private ContactProposal read(JsonNode body) {
        try {
            return facts.treeToValue(body, ContactProposal.class);
        } catch (DatabindException e) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference ref : e.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            throw InvalidRequest.of(path.isEmpty() ? "body" : path.toString(), cut > 0 ? message.substring(0, cut) : message);
        }
    }

    private static boolean isPhoneChannel(Channel channel) {
        return channel == Channel.CALL || channel == Channel.PRERECORDED_CALL || channel == Channel.VOICEMAIL
                || channel == Channel.SMS;
    }

    private static void phone(List<FieldError> errors, String field, String number) {
        try {
            if (number == null || !PHONES.isValidNumber(PHONES.parse(number, "US"))) {
                errors.add(new FieldError(field, "'" + number + "' is not a valid phone number"));
            }
        } catch (NumberParseException e) {
            errors.add(new FieldError(field, "'" + number + "' is not a phone number"));
        }
    }
}
