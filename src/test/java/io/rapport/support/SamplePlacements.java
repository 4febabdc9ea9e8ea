package io.rapport.support;

/** Placement bodies as the API contract shows them. */
public final class SamplePlacements {

    private SamplePlacements() {
    }

    /** The contract's example account with the given references and consumer name. */
    public static String json(String ref, String firstName, String lastName, String phone, String email) {
        return """
                {
                  "externalRef": "%s",
                  "creditor": {"name": "Bank of Rockville"},
                  "consumer": {
                    "firstName": "%s", "lastName": "%s", "dateOfBirth": "1985-04-12", "ssnLast4": "1234",
                    "language": "es",
                    "address": {"line1": "2323 Park Street", "line2": "Apt 342", "city": "Bethesda", "state": "MD", "postalCode": "20815", "country": "US"},
                    "emails": [{"address": "%s", "employerIssued": false}],
                    "phones": [{"number": "%s", "type": "MOBILE", "source": "CREDITOR"}]
                  },
                  "consents": [{"channel": "SMS", "address": "%s", "granted": true, "source": "creditor-application", "at": "2025-01-01T10:00:00Z"}],
                  "debts": [{
                    "externalRef": "CC-%s", "accountNumber": "123-456-789",
                    "originalCreditor": "Bank of Rockville", "currentCreditor": "Bank of Rockville",
                    "itemizationDate": "2025-01-02", "itemizationDateType": "CHARGE_OFF",
                    "amountOnItemizationDate": {"amount": 223456, "currency": "USD"},
                    "interestSince": {"amount": 7500, "currency": "USD"},
                    "feesSince": {"amount": 2500, "currency": "USD"},
                    "paymentsSince": {"amount": 5000, "currency": "USD"},
                    "lastPaymentOn": "2024-11-30", "timeBarred": false
                  }]
                }""".formatted(ref, firstName, lastName, email, phone, phone, ref);
    }

    public static String json(String ref) {
        return json(ref, "Ana", "Diaz", "+13015550123", "ana@example.com");
    }
}
