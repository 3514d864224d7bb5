package dev.loopbacklab.experiments.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VisibleTextTest {
    @Test
    void drawsLineBreaksTabsAndInvisibleCharacters() {
        assertEquals("a⏎b⇥c\\u000D\\u200B\\u202E", VisibleText.of("a\nb\tc\r\u200b\u202e", 80));
    }

    @Test
    void keepsOrdinaryTextAndEmoji() {
        assertEquals("héllo 👋", VisibleText.of("héllo 👋", 80));
    }

    @Test
    void cutsLongTextAndSaysHowLongItWas() {
        assertEquals("abc… (5 characters in all)", VisibleText.of("abcde", 3));
    }
}
