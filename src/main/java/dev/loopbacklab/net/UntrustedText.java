package dev.loopbacklab.net;

/**
 * Shows text the lab did not write (a learner's input, bytes a local server sent) so that nothing
 * in it can hide or mislead: control characters, invisible formatting (a right-to-left override, a
 * zero-width space), unusual spaces and unpaired surrogate halves become escapes, and long text is
 * cut. The one escaper of the lab, for error messages and for echoed bytes alike.
 *
 * <p>Escapes are {@code \\uXXXX} for a character of the Basic Multilingual Plane and {@code
 * \\u{XXXXX}} for one beyond it (so a supplementary invisible character is one escape, not two).
 * Lengths are counted in code points, so an emoji counts as one character.
 *
 * <pre>{@code
 * UntrustedText.quote("a\"b");          // "a\"b"  (in quotes, the quote escaped)
 * UntrustedText.visible("hi\n", 80);     // hi⏎
 * }</pre>
 */
public final class UntrustedText {
    /** Long enough to recognise an input, short enough that a 10 KB paste is not echoed back. */
    public static final int MAX_ECHO = 40;

    private UntrustedText() {}

    /**
     * Quotes text for a message: in double quotes, {@code "} and {@code \} escaped, hidden
     * characters escaped, cut after {@link #MAX_ECHO} characters.
     *
     * @param text any text, or null
     * @return such as {@code "127.0.0.1"} or {@code "abc…" … (10240 characters in all)}
     */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        int end = append(out, text, MAX_ECHO, false);
        out.append('"');
        return out.append(rest(text, end)).toString();
    }

    /**
     * Shows text whose exact characters matter, as a learner should see it: {@code \n} as ⏎, {@code
     * \t} as ⇥, every other hidden character escaped, cut after {@code maxChars} characters.
     *
     * @param text any text
     * @param maxChars how many characters (code points) to show at most
     * @return such as {@code hello⏎} or {@code abc… (5 characters in all)}
     */
    public static String visible(String text, int maxChars) {
        StringBuilder out = new StringBuilder();
        int end = append(out, text, maxChars, true);
        return out.append(rest(text, end)).toString();
    }

    /**
     * Tells whether a code point would be escaped: one that is invisible, moves or hides other
     * text, or is not a character at all (an unpaired surrogate).
     *
     * @param cp a code point
     * @return true for controls, format characters, surrogates and any space or line break other
     *     than the plain space
     */
    public static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp)
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || (cp != ' ' && (Character.isSpaceChar(cp) || Character.isWhitespace(cp)));
    }

    /**
     * Appends up to {@code max} code points of {@code text}; returns the index where it stopped.
     */
    private static int append(StringBuilder out, String text, int max, boolean drawBreaks) {
        int i = 0;
        int shown = 0;
        while (i < text.length() && shown < max) {
            int cp = text.codePointAt(i);
            if (drawBreaks && cp == '\n') {
                out.append('⏎');
            } else if (drawBreaks && cp == '\t') {
                out.append('⇥');
            } else if (!drawBreaks && (cp == '"' || cp == '\\')) {
                out.append('\\').append((char) cp);
            } else if (hidden(cp)) {
                out.append(escape(cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
            shown++;
        }
        return i;
    }

    private static String escape(int cp) {
        String hex = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        if (Character.isSupplementaryCodePoint(cp)) {
            return "\\u{" + hex + "}";
        }
        return "\\u" + "0".repeat(4 - hex.length()) + hex;
    }

    private static String rest(String text, int end) {
        if (end >= text.length()) {
            return "";
        }
        return "… (" + text.codePointCount(0, text.length()) + " characters in all)";
    }
}
