package io.rapport.compliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static io.rapport.compliance.Facts.consumer;
import static io.rapport.compliance.Facts.mobile;
import static org.assertj.core.api.Assertions.assertThat;

class CandidateZonesComeFromAddressPhonesAndKnownZones {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "NY; 10001; America/New_York",
            "FL; 32501; America/Chicago",                                   // Pensacola, panhandle
            "FL; 32301; America/New_York",                                  // Tallahassee
            "FL; 32401; America/Chicago America/New_York",                  // Panama City prefix straddles the line
            "TX; 79901; America/Denver",                                    // El Paso
            "TX; 75201; America/Chicago",                                   // Dallas
            "TN; 37902; America/New_York",                                  // Knoxville
            "TN; 37201; America/Chicago",                                   // Nashville
            "KY; 42001; America/Chicago",                                   // Paducah
            "KY; 40202; America/New_York",                                  // Louisville
            "IN; 46402; America/Chicago",                                   // Gary
            "IN; 46204; America/Indiana/Indianapolis",
            "MI; 49801; America/Detroit America/Menominee",                 // Iron Mountain, Upper Peninsula
            "MI; 48226; America/Detroit",
            "ND; 58501; America/Chicago",                                   // Bismarck
            "SD; 57701; America/Denver",                                    // Rapid City
            "NE; 69361; America/Denver",                                    // Scottsbluff
            "KS; 67735; America/Chicago America/Denver",                    // Goodland
            "OR; 97914; America/Boise America/Los_Angeles",                 // Ontario, Malheur County
            "OR; 97201; America/Los_Angeles",
            "ID; 83814; America/Los_Angeles",                               // Coeur d'Alene
            "ID; 83702; America/Boise",
            "AZ; 85004; America/Phoenix",
            "HI; 96813; Pacific/Honolulu",
            "AK; 99501; America/Anchorage",
            "AK; 99546; America/Adak",
            "NV; 89883; America/Denver",                                    // West Wendover
            "PR; 00901; America/Puerto_Rico"
    })
    void theMailingAddressGivesTheZoneOfItsStateOrZipPrefix(String state, String zip, String zones) {
        ConsumerFacts facts = consumer().address(state, zip).phones().build();

        ConsumerTimeZones candidates = ConsumerTimeZones.of(facts);

        assertThat(candidates.zones()).containsExactlyInAnyOrderElementsOf(zoneIds(zones));
        assertThat(candidates.locationUnknown()).isFalse();
        assertThat(candidates.candidates()).allMatch(candidate -> candidate.source().equals("address " + state + " " + zip));
    }

    @Test
    void aStateSpanningZonesWithoutZipCodeGivesEveryZoneOfTheStateAndSaysSo() {
        ConsumerTimeZones candidates = ConsumerTimeZones.of(consumer().address("FL", null).phones().build());

        assertThat(candidates.zones()).containsExactlyInAnyOrder(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"));
        assertThat(candidates.notes()).anyMatch(note -> note.contains("FL spans time zones"));
    }

    @Test
    void everyPhoneNumberAddsTheZoneOfItsAreaCode() {
        ConsumerFacts facts = consumer().phones(mobile("+12135550100"), mobile("(808) 555-0199")).build();

        ConsumerTimeZones candidates = ConsumerTimeZones.of(facts);

        assertThat(candidates.candidates()).containsExactly(
                new CandidateZone(ZoneId.of("America/New_York"), "address NY 10001"),
                new CandidateZone(ZoneId.of("America/Los_Angeles"), "phone +1 213"),
                new CandidateZone(ZoneId.of("Pacific/Honolulu"), "phone +1 808"));
    }

    @Test
    void theNumberAboutToBeCalledCountsEvenWhenItIsNotOnFile() {
        ConsumerTimeZones candidates = ConsumerTimeZones.of(consumer().phones().build(), "+13125550100");

        assertThat(candidates.zones()).containsExactly(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"));
    }

    @Test
    void addressAndPhoneInTheSameZoneAreOneCandidateNamingBothFacts() {
        ConsumerFacts facts = consumer().address("MA", "02108").phones(mobile("+16175550123")).build();

        assertThat(ConsumerTimeZones.of(facts).candidates())
                .containsExactly(new CandidateZone(ZoneId.of("America/New_York"), "address MA 02108, phone +1 617"));
    }

    @Test
    void anAreaCodeOfASplitStateGivesEveryZoneItServes() {
        ConsumerFacts facts = consumer().address(null, null).phones(mobile("+18505550100")).build();

        assertThat(ConsumerTimeZones.of(facts).zones())
                .containsExactlyInAnyOrder(ZoneId.of("America/Chicago"), ZoneId.of("America/New_York"));
    }

    @Test
    void tollFreeNumbersGiveNoZone() {
        ConsumerFacts facts = consumer().phones(mobile("+18005550100"), mobile("+18885550100")).build();

        ConsumerTimeZones candidates = ConsumerTimeZones.of(facts);

        assertThat(candidates.zones()).containsExactly(ZoneId.of("America/New_York"));
        assertThat(candidates.notes()).anyMatch(note -> note.contains("+1 800 is toll-free"));
    }

    @Test
    void withNothingKnownEveryUsStateZoneIsACandidateHawaiiAndAlaskaIncluded() {
        ConsumerFacts facts = consumer().address(null, null).phones(mobile("+18005550100")).build();

        ConsumerTimeZones candidates = ConsumerTimeZones.of(facts);

        assertThat(candidates.locationUnknown()).isTrue();
        assertThat(candidates.zones()).containsExactlyElementsOf(ConsumerTimeZones.EVERY_US_STATE_ZONE);
        assertThat(candidates.zones()).contains(ZoneId.of("Pacific/Honolulu"), ZoneId.of("America/Anchorage"),
                ZoneId.of("America/Phoenix"));
    }

    @Test
    void explicitlyKnownZonesAreAddedAndUnreadableOnesAreNoted() {
        ConsumerFacts facts = consumer().knownZone("America/Chicago").knownZone("Mars/Olympus").build();

        ConsumerTimeZones candidates = ConsumerTimeZones.of(facts);

        assertThat(candidates.candidates()).contains(new CandidateZone(ZoneId.of("America/Chicago"), "known zone"));
        assertThat(candidates.notes()).anyMatch(note -> note.contains("Mars/Olympus"));
    }

    @Test
    void anUnknownStateIsNotedAndGivesNoZone() {
        ConsumerTimeZones candidates = ConsumerTimeZones.of(consumer().address("ZZ", "12345").phones().build());

        assertThat(candidates.locationUnknown()).isTrue();
        assertThat(candidates.notes()).anyMatch(note -> note.contains("'ZZ'"));
    }

    private static List<ZoneId> zoneIds(String zones) {
        return Arrays.stream(zones.split(" ")).map(ZoneId::of).toList();
    }
}
