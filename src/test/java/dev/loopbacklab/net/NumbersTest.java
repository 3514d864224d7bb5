package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
    @Test
    void writesCommasBetweenThousandsAndAPointBeforeDecimals() {
        assertEquals("0", Numbers.whole(0));
        assertEquals("999", Numbers.whole(999));
        assertEquals("1,000,000", Numbers.whole(1_000_000));
        assertEquals("-12,345", Numbers.whole(-12_345));
        assertEquals("12.5", Numbers.decimal(12.46, 1));
        assertEquals("1234567.00", Numbers.decimal(1_234_567, 2));
        assertEquals("3", Numbers.decimal(2.6, 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 1_000, 65_535, 1_000_000, 123_456_789_012L})
    void readsBackWhatItWrites(long value) {
        assertEquals(value, Numbers.parseWhole(Numbers.whole(value)));
        assertEquals(value, Numbers.parseWhole(Long.toString(value)));
    }

    @Test
    void readsSeparatorsThatGroupThousands() {
        assertEquals(1_000_000, Numbers.parseWhole("1_000_000"));
        assertEquals(12_345_678, Numbers.parseWhole("12,345,678"));
        assertEquals(999, Numbers.parseWhole("999"));
        assertEquals(100_000, Numbers.parseWhole("100,000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,0", "1,00", "10,00", "1,0000", "1234,567", "1_0", "1,000,00", "0,1"})
    void refusesSeparatorsThatDoNotGroupInThrees(String text) {
        NumberFormatException e =
                assertThrows(NumberFormatException.class, () -> Numbers.parseWhole(text));
        String digits = text.replace(",", "").replace("_", "");
        assertTrue(
                e.getMessage().contains("groups its digits wrongly: write " + digits + ","),
                e.getMessage());
    }

    @Test
    void saysWhatIsWrongInWordsALearnerCanAct() {
        assertEquals(
                ", which groups its digits wrongly: write 10, or put a comma before every three"
                        + " digits from the right (1,000)",
                Numbers.problemWith("1,0"));
        assertEquals(
                ", which mixes commas and underscores: use one or the other",
                Numbers.problemWith("1,000_000"));
        assertTrue(Numbers.problemWith("1.000").contains("has a point"));
        assertEquals(", which has a sign", Numbers.problemWith("-1"));
        assertEquals(", which has no digits", Numbers.problemWith(",,"));
        assertNull(Numbers.problemWith("1,000"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-1",
                "+1",
                " 1",
                "1 ",
                "1.000",
                ",1",
                "1,",
                "_1",
                "1,,000",
                "1,000_000",
                "1 000",
                "1\u00a0000",
                "1e3",
                "0x10",
                "١٢",
                "1234567890123456789"
            })
    void refusesEverythingElse(String text) {
        assertThrows(NumberFormatException.class, () -> Numbers.parseWhole(text));
    }
}
