package dev.loopbacklab.experiments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Check;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.testing.RecordingReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value a check accepts gives a verdict, never a bare "failed": {@code check echo-yours
 * --param host=127.255.255.255} passed validation and then failed with "Network is unreachable".
 * Each check with a host or port parameter is run with the edges of what validation accepts (all on
 * loopback; nothing listens there, so the verdicts are mostly "not passed").
 */
class AcceptedInputVerdictTest {
    private static final List<String> HOSTS =
            List.of("127.255.255.255", "127.0.0.0", "127.1.2.3", "::1", "localhost");

    static Stream<Arguments> edges() {
        List<Arguments> cases = new ArrayList<>();
        for (Experiment experiment : Experiments.registry().all()) {
            if (!(experiment instanceof Check)) {
                continue;
            }
            for (ParamSpec spec : experiment.params()) {
                List<String> values =
                        switch (spec.kind()) {
                            case HOST -> HOSTS;
                            case PORT ->
                                    List.of(Long.toString(spec.min()), Long.toString(spec.max()));
                            default -> List.of();
                        };
                for (String value : values) {
                    cases.add(Arguments.of(experiment.id(), spec.name(), value));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("edges")
    void everyAcceptedValueGivesAVerdict(String id, String name, String value) {
        Experiment check = Experiments.registry().find(id).orElseThrow();
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put(name, value);
        for (ParamSpec spec : check.params()) {
            // The shortest wait any waiting check allows: nobody will connect.
            if (spec.name().equals("wait-seconds")) {
                raw.put(spec.name(), Long.toString(spec.min()));
            }
        }
        RecordingReport report = RecordingReport.run(check, raw);
        assertTrue(
                report.outcome == Outcome.PASSED || report.outcome == Outcome.NOT_PASSED,
                id + " " + name + "=" + value + " ended " + report.outcome + ": " + report.events);
    }
}
