package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void readsUnderscoresAsJavaDoes() {
        assertEquals(1_000_000, Numbers.parseWhole("1_000_000"));
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
                "1e3",
                "0x10",
                "١٢",
                "1234567890123456789"
            })
    void refusesEverythingElse(String text) {
        assertThrows(NumberFormatException.class, () -> Numbers.parseWhole(text));
    }
}
