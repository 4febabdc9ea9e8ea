package io.rapport.bench;

import io.rapport.compliance.Channel;
import io.rapport.compliance.Consent;
import io.rapport.compliance.ConsumerEmail;
import io.rapport.compliance.ConsumerFacts;
import io.rapport.compliance.ConsumerPhone;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.ContactGate;
import io.rapport.compliance.ContactProposal;
import io.rapport.compliance.DebtFacts;
import io.rapport.compliance.Direction;
import io.rapport.compliance.GateDecision;
import io.rapport.compliance.Outcome;
import io.rapport.compliance.PhoneSource;
import io.rapport.compliance.PhoneType;
import io.rapport.compliance.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The contact gate on realistic facts: a consumer with 3 phone numbers and an email, 2 debts,
 * and 60 days of history with 40 events, deciding an SMS with rendered content. The baseline
 * is the same proposal moved to another instant (the gate's own cheapest step), measured in the
 * same run. {@code decideForUnseenNumbers} decides the same facts for consumers whose phone numbers
 * the gate has not read lately (10,000 of them in turn, more than it remembers), so every decision
 * reads its numbers afresh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GateBenchmark {

    private static final int UNSEEN = 10_000;

    private final ContactGate gate = new ContactGate();
    private ContactProposal proposal;
    private Instant other;
    private final ContactProposal[] unseen = new ContactProposal[UNSEEN];
    private int next;

    @Setup
    public void facts() {
        proposal = proposal("+12125550100", "+12135550101", "+13015550102");
        other = proposal.at().plusSeconds(1);
        for (int i = 0; i < UNSEEN; i++) {
            String line = String.format("%04d", i);
            unseen[i] = proposal("+1212555" + line, "+1213555" + line, "+1301555" + line);
        }
    }

    private static ContactProposal proposal(String... phones) {
        Instant at = Instant.parse("2025-07-15T15:00:00Z");
        List<ContactAttempt> history = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant when = at.minus(Duration.ofHours(36L * (i + 1)));
            Channel channel = i % 4 == 0 ? Channel.EMAIL : i % 3 == 0 ? Channel.SMS : Channel.CALL;
            Outcome outcome = channel == Channel.CALL ? (i % 5 == 0 ? Outcome.BUSY : Outcome.NO_ANSWER) : Outcome.DELIVERED;
            String to = channel == Channel.EMAIL ? "j.doe@example.com" : phones[i % 3];
            history.add(new ContactAttempt(when, channel, Direction.OUTBOUND, to, List.of(i % 2 == 0 ? "D1" : "D2"), outcome));
        }
        ConsumerFacts consumer = new ConsumerFacts("NY", "10001", List.of(),
                List.of(new ConsumerPhone(phones[0], PhoneType.MOBILE, PhoneSource.CREDITOR),
                        new ConsumerPhone(phones[1], PhoneType.LANDLINE, PhoneSource.CONSUMER),
                        new ConsumerPhone(phones[2], PhoneType.WORK, PhoneSource.SKIP_TRACE)),
                List.of(new ConsumerEmail("j.doe@example.com", false, true)), List.of(), false, false, null, null, true,
                List.of(), List.of(new Consent(Channel.SMS, phones[0], Instant.parse("2025-01-01T10:00:00Z"))));
        return new ContactProposal(at, Channel.SMS, phones[0], Purpose.COLLECTION, List.of("D1", "D2"),
                "This communication is from a debt collector. Your balance is $2,284.56. Pay at https://pay.example/x. "
                        + "Reply STOP to opt out.",
                consumer, List.of(new DebtFacts("D1", null, null, false), new DebtFacts("D2", null, null, false)), history);
    }

    @Benchmark
    public GateDecision decide() {
        return gate.evaluate(proposal);
    }

    @Benchmark
    public GateDecision decideForUnseenNumbers() {
        next = next + 1 == UNSEEN ? 0 : next + 1;
        return gate.evaluate(unseen[next]);
    }

    @Benchmark
    public ContactProposal baseline() {
        return proposal.at(other);
    }
}
