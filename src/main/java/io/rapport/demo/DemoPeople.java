package io.rapport.demo;

import io.rapport.consent.ConsentChannel;
import io.rapport.accounts.ContactSource;
import io.rapport.accounts.ItemizationDateType;
import io.rapport.accounts.PhoneType;
import io.rapport.accounts.Placement;
import io.rapport.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic but realistic consumers: names in English and Spanish, addresses and area codes
 * that match their state (so their time zones are right), mixed consents, balances and ages.
 * Seeded, so every demo holds the same people. Phone numbers use the 555-01xx range reserved
 * for fiction; emails use example domains.
 */
final class DemoPeople {

    /** state, city, ZIP prefix, area code, street names feel local enough. */
    private record Place(String state, String city, String zip, String areaCode) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("NY", "New York", "100", "212"), new Place("NY", "Buffalo", "142", "716"),
            new Place("MD", "Bethesda", "208", "301"), new Place("MA", "Boston", "021", "617"),
            new Place("FL", "Miami", "331", "305"), new Place("FL", "Pensacola", "325", "850"),
            new Place("GA", "Atlanta", "303", "404"), new Place("IL", "Chicago", "606", "312"),
            new Place("TX", "Houston", "770", "713"), new Place("TX", "El Paso", "799", "915"),
            new Place("TX", "San Antonio", "782", "210"), new Place("CO", "Denver", "802", "303"),
            new Place("AZ", "Phoenix", "850", "602"), new Place("CA", "Los Angeles", "900", "213"),
            new Place("CA", "San Diego", "921", "619"), new Place("WA", "Seattle", "981", "206"),
            new Place("OR", "Portland", "972", "503"), new Place("NV", "Las Vegas", "891", "702"),
            new Place("HI", "Honolulu", "968", "808"), new Place("AK", "Anchorage", "995", "907"),
            new Place("OH", "Columbus", "432", "614"), new Place("PA", "Philadelphia", "191", "215"),
            new Place("NC", "Charlotte", "282", "704"), new Place("TN", "Nashville", "372", "615"),
            new Place("MI", "Detroit", "482", "313"), new Place("MN", "Minneapolis", "554", "612"),
            new Place("NM", "Albuquerque", "871", "505"), new Place("UT", "Salt Lake City", "841", "801"));

    private static final String[] FIRST_EN = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
            "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Chris",
            "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley"};
    private static final String[] FIRST_ES = {"José", "María", "Juan", "Ana", "Luis", "Carmen", "Carlos", "Rosa", "Jorge",
            "Lucía", "Miguel", "Sofía", "Pedro", "Isabel", "Alejandro", "Gabriela", "Fernando", "Valentina", "Ricardo", "Elena"};
    private static final String[] LAST_EN = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
            "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark",
            "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams"};
    private static final String[] LAST_ES = {"García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez",
            "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Cruz", "Morales", "Ortiz"};
    private static final String[] STREETS = {"Park Street", "Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane",
            "Elm Street", "Washington Avenue", "Lake Road", "Hillcrest Drive", "Sunset Boulevard", "Pine Street"};

    private final Random random;

    DemoPeople(long seed) {
        this.random = new Random(seed);
    }

    Placement next(int n, String creditor, Instant now) {
        boolean spanish = random.nextInt(100) < 22;
        String first = pick(spanish ? FIRST_ES : FIRST_EN);
        String last = pick(spanish ? LAST_ES : LAST_EN);
        Place place = PLACES.get(random.nextInt(PLACES.size()));
        String zip = place.zip() + String.format("%02d", random.nextInt(100));
        var address = new Placement.PostalAddress((100 + random.nextInt(9800)) + " " + pick(STREETS),
                random.nextInt(4) == 0 ? "Apt " + (1 + random.nextInt(400)) : null, place.city(), place.state(), zip, "US");
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var consumer = new Placement.Consumer(first, last, today.minusYears(21 + random.nextInt(55)).minusDays(random.nextInt(365)),
                String.format("%04d", random.nextInt(10000)), spanish ? "es" : "en", address);

        List<Placement.Email> emails = new ArrayList<>();
        List<Placement.Phone> phones = new ArrayList<>();
        List<Placement.ConsentGrant> consents = new ArrayList<>();
        Instant consentAt = now.minusSeconds(86_400L * (200 + random.nextInt(900)));
        if (random.nextInt(100) < 80) {
            String email = ascii(first).toLowerCase() + "." + ascii(last).toLowerCase() + n + "@example.com";
            emails.add(new Placement.Email(email, false));
            if (random.nextInt(100) < 70) {
                consents.add(new Placement.ConsentGrant(ConsentChannel.EMAIL, email, true, "creditor-application", consentAt,
                        "I agree to receive account notices by email."));
            }
        }
        if (random.nextInt(100) < 5) {
            String work = ascii(first).toLowerCase().charAt(0) + ascii(last).toLowerCase() + n + "@employer.example.com";
            emails.add(new Placement.Email(work, true));
        }
        String mobile = "+1" + place.areaCode() + "55501" + String.format("%02d", random.nextInt(100));
        phones.add(new Placement.Phone(mobile, PhoneType.MOBILE,
                random.nextInt(10) < 8 ? ContactSource.CREDITOR : ContactSource.SKIP_TRACE));
        if (random.nextInt(100) < 55) {
            consents.add(new Placement.ConsentGrant(ConsentChannel.SMS, mobile, random.nextInt(10) < 9, "creditor-application",
                    consentAt, "I agree to receive text messages about my account. Msg & data rates may apply. Reply STOP to opt out."));
        }
        if (random.nextInt(100) < 30) {
            phones.add(new Placement.Phone("+1" + place.areaCode() + "55501" + String.format("%02d", random.nextInt(100)),
                    PhoneType.LANDLINE, ContactSource.CREDITOR));
        }
        if (random.nextInt(100) < 40) {
            consents.add(new Placement.ConsentGrant(ConsentChannel.ESIGN, null, true, "portal", consentAt,
                    "I agree to receive notices electronically under the E-SIGN Act."));
        }

        List<Placement.NewDebt> debts = new ArrayList<>();
        int debtCount = random.nextInt(100) < 85 ? 1 : 2;
        for (int d = 0; d < debtCount; d++) {
            long principal = 5_000 + (long) (Math.pow(random.nextDouble(), 2) * 1_500_000);
            long interest = principal * random.nextInt(15) / 100;
            long fees = random.nextInt(4) == 0 ? 2_500 + random.nextInt(5_000) : 0;
            long payments = random.nextInt(3) == 0 ? Math.min(principal / 4, 500 + random.nextInt(20_000)) : 0;
            LocalDate itemization = today.minusDays(20 + random.nextInt(1_600));
            LocalDate lastPayment = payments > 0 ? itemization.plusDays(random.nextInt(15) + 1) : null;
            if (lastPayment != null && lastPayment.isAfter(today)) {
                lastPayment = today;
            }
            String accountNumber = String.format("%04d-%04d-%04d", random.nextInt(10000), random.nextInt(10000), random.nextInt(10000));
            debts.add(new Placement.NewDebt("DEBT-" + n + "-" + (d + 1), accountNumber, creditor, creditor, itemization,
                    random.nextInt(3) == 0 ? ItemizationDateType.LAST_STATEMENT : ItemizationDateType.CHARGE_OFF,
                    Money.of(principal, "USD"), Money.of(interest, "USD"), Money.of(fees, "USD"), Money.of(payments, "USD"),
                    null, lastPayment, itemization.isBefore(today.minusYears(4))));
        }
        return new Placement(String.format("DEMO-%05d", n), creditor, consumer, emails, phones, consents, debts);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
