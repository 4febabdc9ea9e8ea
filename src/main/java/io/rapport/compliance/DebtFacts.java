package io.rapport.compliance;

import java.time.LocalDate;

/**
 * What the gate knows about one debt.
 *
 * @param writtenDisputeOn   the day a written dispute or original-creditor request was received
 * @param verificationSentOn the day verification (or the original creditor's name) was sent
 * @param timeBarred         whether the statute of limitations has run; null means unknown, read
 *                           as possibly time-barred
 */
public record DebtFacts(String id, LocalDate writtenDisputeOn, LocalDate verificationSentOn, Boolean timeBarred) {
}
