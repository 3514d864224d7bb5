package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {
    @Test
    void drawsLineBreaksTabsAndInvisibleCharacters() {
        assertEquals(
                "a⏎b⇥c\\u000D\\u200B\\u202E", UntrustedText.visible("a\nb\tc\r\u200b\u202e", 80));
    }

    @Test
    void keepsOrdinaryTextAndEmoji() {
        assertEquals("héllo 👋", UntrustedText.visible("héllo 👋", 80));
        assertEquals("\"héllo 👋\"", UntrustedText.quote("héllo 👋"));
    }

    @Test
    void escapesLoneSurrogatesInBothForms() {
        String lone = "a\uD800b\uDFFFc";
        assertEquals("a\\uD800b\\uDFFFc", UntrustedText.visible(lone, 80));
        assertEquals("\"a\\uD800b\\uDFFFc\"", UntrustedText.quote(lone));
        // A high half at the very end has no partner either.
        assertEquals("\"x\\uDBFF\"", UntrustedText.quote("x\uDBFF"));
    }

    @Test
    void escapesAnInvisibleSupplementaryCharacterAsOneCodePoint() {
        // U+E0001 LANGUAGE TAG and U+1D173 MUSICAL SYMBOL BEGIN BEAM are format characters.
        String tags =
                new StringBuilder().appendCodePoint(0xE0001).appendCodePoint(0x1D173).toString();
        assertEquals("\\u{E0001}\\u{1D173}", UntrustedText.visible(tags, 80));
        assertEquals("\"\\u{E0001}\\u{1D173}\"", UntrustedText.quote(tags));
    }

    @Test
    void escapesControlsAndUnusualSpacesButNotThePlainSpace() {
        assertEquals(
                "\"\\u0000 \\u001B[31m\\u007F\\u0085\\u00A0\\u2028\\u3000\"",
                UntrustedText.quote("\u0000 \u001b[31m\u007f\u0085\u00a0\u2028\u3000"));
        assertEquals("\"\\u000A\\u0009\"", UntrustedText.quote("\n\t"));
        assertTrue(UntrustedText.hidden(0xFEFF));
        assertFalse(UntrustedText.hidden(' '));
        assertFalse(UntrustedText.hidden('é'));
    }

    @Test
    void quotesQuotesAndBackslashes() {
        assertEquals("\"say \\\"hi\\\" \\\\\"", UntrustedText.quote("say \"hi\" \\"));
        assertEquals("null", UntrustedText.quote(null));
    }

    @Test
    void cutsLongTextCountingCodePoints() {
        assertEquals("abc… (5 characters in all)", UntrustedText.visible("abcde", 3));
        String emoji = "👋".repeat(50); // 100 UTF-16 units, 50 characters
        String quoted = UntrustedText.quote(emoji);
        assertTrue(quoted.startsWith("\"" + "👋".repeat(UntrustedText.MAX_ECHO) + "\""), quoted);
        assertTrue(quoted.endsWith("… (50 characters in all)"), quoted);
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String text = "ab👋cd";
        assertEquals("ab👋… (5 characters in all)", UntrustedText.visible(text, 3));
    }
}
