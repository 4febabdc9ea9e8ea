package io.rapport.accounts;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * A hold or flag to place, with what its kind needs: {@code contactPointId} for {@link HoldKind#EMPLOYER_EMAIL};
 * a local window {@code from}-{@code to} and/or {@code days} for {@link HoldKind#INCONVENIENT_TIME} (no window means
 * the whole day; no days means every day); {@code place} for {@link HoldKind#INCONVENIENT_PLACE}. {@code debtId}
 * narrows a hold to one debt; null means every debt of the account.
 */
public record NewHold(HoldKind kind, UUID debtId, UUID contactPointId, LocalTime from, LocalTime to, Set<DayOfWeek> days,
        InconvenientPlace place, String reason) {

    public NewHold {
        days = days == null ? Set.of() : Set.copyOf(days);
    }

    public static NewHold of(HoldKind kind, UUID debtId, String reason) {
        return new NewHold(kind, debtId, null, null, null, null, null, reason);
    }
}
