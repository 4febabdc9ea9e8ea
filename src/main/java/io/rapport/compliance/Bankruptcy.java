package io.rapport.compliance;

import java.time.LocalDate;

/** A bankruptcy case of the consumer: filed (automatic stay) and, later, discharged. */
public record Bankruptcy(LocalDate filedOn, LocalDate dischargedOn) {
}
