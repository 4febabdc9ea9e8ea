package io.rapport.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The time zones a consumer may be in (TIME-02): the zone(s) of the mailing address (the state,
 * refined by the ZIP code where a state spans zones), the zone(s) of each of the consumer's phone
 * numbers (by area code), and any zone known explicitly. When none of these yields a zone, every
 * US state zone is a candidate, Hawaii and Alaska included. A contact time must be convenient in
 * every candidate zone.
 * <p>
 * Toll-free and other non-geographic numbers give no zone. Facts that could not be used
 * (an unknown state, an unreadable number) are listed in {@link #notes()} so reasons can say so.
 */
public final class ConsumerTimeZones {

    /** Every zone of a US state, used when nothing tells where the consumer is. */
    public static final List<ZoneId> EVERY_US_STATE_ZONE = List.of(
            ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"),
            ZoneId.of("America/Phoenix"), ZoneId.of("America/Los_Angeles"), ZoneId.of("America/Anchorage"),
            ZoneId.of("America/Adak"), ZoneId.of("Pacific/Honolulu"));

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final List<CandidateZone> candidates;
    private final boolean locationUnknown;
    private final List<String> notes;

    private ConsumerTimeZones(List<CandidateZone> candidates, boolean locationUnknown, List<String> notes) {
        this.candidates = List.copyOf(candidates);
        this.locationUnknown = locationUnknown;
        this.notes = List.copyOf(notes);
    }

    /**
     * The candidate zones of a consumer, adding the zones of {@code otherNumbers} (such as the
     * number about to be called) to those of the consumer's known phones.
     */
    public static ConsumerTimeZones of(ConsumerFacts consumer, String... otherNumbers) {
        Map<ZoneId, List<String>> sources = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        ZoneDirectory directory = ZoneDirectory.STANDARD;

        String state = consumer.state() == null ? null : consumer.state().trim().toUpperCase(Locale.ROOT);
        if (state != null && !state.isEmpty()) {
            if (directory.knowsState(state)) {
                String zip = zip5(consumer.postalCode());
                List<ZoneId> zones = zip == null && directory.spansZones(state)
                        ? directory.everyZoneOf(state) : directory.forAddress(state, zip);
                String label = "address " + state + (zip == null ? "" : " " + zip);
                if (zip == null && directory.spansZones(state)) {
                    notes.add(state + " spans time zones and the address has no ZIP code: every zone of " + state + " applies");
                }
                zones.forEach(zone -> add(sources, zone, label));
            } else {
                notes.add("the address state '" + consumer.state() + "' is not a US state or territory: it gives no zone");
            }
        }

        List<String> numbers = new ArrayList<>();
        consumer.phones().stream().map(ConsumerPhone::number).forEach(numbers::add);
        for (String other : otherNumbers) {
            if (other != null && numbers.stream().noneMatch(known -> PhoneNumbers.same(known, other))) {
                numbers.add(other);
            }
        }
        for (String number : numbers) {
            phoneZones(number, sources, notes);
        }

        for (String known : consumer.timeZones()) {
            try {
                add(sources, ZoneId.of(known.trim()), "known zone");
            } catch (DateTimeException | NullPointerException e) {
                notes.add("the known zone '" + known + "' is not a time zone");
            }
        }

        if (sources.isEmpty()) {
            List<CandidateZone> every = EVERY_US_STATE_ZONE.stream()
                    .map(zone -> new CandidateZone(zone, "location unknown")).toList();
            return new ConsumerTimeZones(every, true, notes);
        }
        List<CandidateZone> candidates = new ArrayList<>();
        sources.forEach((zone, labels) -> candidates.add(new CandidateZone(zone, String.join(", ", labels))));
        return new ConsumerTimeZones(candidates, false, notes);
    }

    /** What one written number says about where the consumer is: zones with their label, or a note why none. */
    private record NumberZones(List<ZoneId> zones, String label, String note) {

        static NumberZones none(String note) {
            return new NumberZones(List.of(), null, note);
        }
    }

    /** Reading a number's type and area code is the costly part of the zones and depends on the number alone. */
    private static final RememberedAnswers<String, NumberZones> NUMBER_ZONES =
            new RememberedAnswers<>(4_096, number -> numberZones(number, ZoneDirectory.STANDARD));

    private static void phoneZones(String number, Map<ZoneId, List<String>> sources, List<String> notes) {
        if (number == null || number.isBlank()) {
            return;
        }
        NumberZones read = NUMBER_ZONES.of(number);
        if (read.note() != null) {
            notes.add(read.note());
        }
        read.zones().forEach(zone -> add(sources, zone, read.label()));
    }

    private static NumberZones numberZones(String number, ZoneDirectory directory) {
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = PHONES.parse(number, "US");
        } catch (NumberParseException e) {
            return NumberZones.none("the phone number '" + number + "' cannot be read: it gives no zone");
        }
        if (parsed.getCountryCode() != 1) {
            return NumberZones.none("the phone number " + number + " is outside North America: it gives no zone");
        }
        String national = String.valueOf(parsed.getNationalNumber());
        if (national.length() != 10) {
            return NumberZones.none("the phone number " + number + " is not a 10-digit North American number: it gives no zone");
        }
        String areaCode = national.substring(0, 3);
        String label = "phone +1 " + areaCode;
        PhoneNumberType type = PHONES.getNumberType(parsed);
        if (type == PhoneNumberType.TOLL_FREE || type == PhoneNumberType.PREMIUM_RATE
                || type == PhoneNumberType.PERSONAL_NUMBER || directory.isNonGeographic(areaCode)) {
            return NumberZones.none(label + " is toll-free or non-geographic: it gives no zone");
        }
        return directory.forAreaCode(areaCode)
                .map(zones -> new NumberZones(zones, label, null))
                .orElseGet(() -> NumberZones.none(label + " is not a known area code: it gives no zone"));
    }

    private static void add(Map<ZoneId, List<String>> sources, ZoneId zone, String label) {
        List<String> labels = sources.computeIfAbsent(zone, z -> new ArrayList<>());
        if (!labels.contains(label)) {
            labels.add(label);
        }
    }

    private static String zip5(String postalCode) {
        if (postalCode == null) {
            return null;
        }
        String digits = postalCode.trim();
        if (digits.length() >= 5 && digits.substring(0, 5).chars().allMatch(Character::isDigit)) {
            return digits.substring(0, 5);
        }
        return null;
    }

    /** The candidate zones, each with the fact that makes it one. */
    public List<CandidateZone> candidates() {
        return candidates;
    }

    /** The distinct zones. */
    public List<ZoneId> zones() {
        return candidates.stream().map(CandidateZone::zone).toList();
    }

    /** True when no fact gave a zone and every US state zone stands in. */
    public boolean locationUnknown() {
        return locationUnknown;
    }

    /** Facts that were present but gave no zone, in words. */
    public List<String> notes() {
        return notes;
    }
}
