package dev.loopbacklab.experiments.ephemeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.Params;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SweepParamsTest {
    static Stream<Experiment> sweeps() {
        return Stream.of(new ListenSweep(), new ConnectSweep(), new UdpSweep());
    }

    @ParameterizedTest
    @MethodSource("sweeps")
    void countsDefaultToOneThousand(Experiment sweep) {
        assertEquals(1_000, Params.defaults(sweep.params()).integer("count"));
    }

    @ParameterizedTest
    @MethodSource("sweeps")
    void refusesZeroWithTheBoundsInTheMessage(Experiment sweep) {
        ParamException e =
                assertThrows(
                        ParamException.class,
                        () -> Params.parse(sweep.params(), Map.of("count", "0")));
        assertTrue(e.getMessage().contains("from 1 to 20,000"), e.getMessage());
        assertTrue(e.getMessage().contains("you typed \"0\""), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("sweeps")
    void refusesOneMoreThanTwentyThousand(Experiment sweep) {
        ParamException e =
                assertThrows(
                        ParamException.class,
                        () -> Params.parse(sweep.params(), Map.of("count", "20001")));
        assertTrue(e.getMessage().contains("you typed \"20001\""), e.getMessage());
        assertEquals(
                20_000, Params.parse(sweep.params(), Map.of("count", "20000")).integer("count"));
    }

    @org.junit.jupiter.api.Test
    void spotCheckWaitsFromOneToOneHundredTwentySeconds() {
        SpotCheck check = new SpotCheck();
        assertEquals(60, Params.defaults(check.params()).integer("wait-seconds"));
        assertThrows(
                ParamException.class,
                () -> Params.parse(check.params(), Map.of("wait-seconds", "0")));
        assertThrows(
                ParamException.class,
                () -> Params.parse(check.params(), Map.of("wait-seconds", "121")));
    }
}
