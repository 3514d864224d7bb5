package dev.loopbacklab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsTest {
    private static final List<ParamSpec> SPECS =
            List.of(
                    ParamSpec.integer("count", 10_000, 1, 1_000_000, "round trips"),
                    ParamSpec.port("port", null, "the port your server listens on"),
                    ParamSpec.host("host", "where your server listens"),
                    ParamSpec.text("message", "hello", 20, "what to send"),
                    ParamSpec.bool("lan", false, "also probe LAN addresses"));

    private static Params parse(Map<String, String> raw) {
        return Params.parse(SPECS, raw);
    }

    @Test
    void takesDefaultsForMissingValues() {
        Params params = parse(Map.of("port", "7007"));
        assertEquals(10_000, params.integer("count"));
        assertEquals(7007, params.port("port"));
        assertEquals("127.0.0.1", params.host("host").text());
        assertEquals("hello", params.text("message"));
        assertEquals(false, params.bool("lan"));
    }

    @Test
    void acceptsThousandsSeparators() {
        assertEquals(1_000_000, parse(Map.of("port", "1", "count", "1,000,000")).integer("count"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "1000001",
                "-5",
                "+5",
                "1e3",
                "ten",
                "١٠",
                " 5",
                "99999999999999999999"
            })
    void refusesCountsOutsideTheBoundsWithAPlainMessage(String count) {
        ParamException e =
                assertThrows(
                        ParamException.class, () -> parse(Map.of("port", "7", "count", count)));
        assertEquals("count", e.field());
        assertTrue(
                e.getMessage().startsWith("count must be a whole number from 1 to 1,000,000"),
                e.getMessage());
    }

    @Test
    void requiresAPortWhenItHasNoDefault() {
        ParamException e = assertThrows(ParamException.class, () -> parse(Map.of()));
        assertEquals("port", e.field());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"70000", "+80", "080", "٨٠", "0"})
    void refusesBadPortsThroughThePortsParser(String port) {
        ParamException e = assertThrows(ParamException.class, () -> parse(Map.of("port", port)));
        assertEquals("port", e.field());
        assertTrue(e.getMessage().startsWith("port"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "example.com", "2130706433", "::"})
    void refusesHostsThatAreNotLoopback(String host) {
        ParamException e =
                assertThrows(ParamException.class, () -> parse(Map.of("port", "7", "host", host)));
        assertEquals("host", e.field());
    }

    @Test
    void refusesUnknownParametersAndNamesTheKnownOnes() {
        ParamException e =
                assertThrows(ParamException.class, () -> parse(Map.of("port", "7", "cuont", "5")));
        assertTrue(e.getMessage().contains("count, port, host, message, lan"), e.getMessage());
    }

    @Test
    void refusesTextOverItsLength() {
        ParamException e =
                assertThrows(
                        ParamException.class,
                        () -> parse(Map.of("port", "7", "message", "x".repeat(21))));
        assertTrue(e.getMessage().contains("at most 20 characters"), e.getMessage());
    }

    @Test
    void refusesBooleansOtherThanTrueOrFalse() {
        assertThrows(ParamException.class, () -> parse(Map.of("port", "7", "lan", "yes")));
    }
}
