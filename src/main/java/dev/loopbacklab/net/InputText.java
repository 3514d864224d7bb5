package dev.loopbacklab.net;

/** Shows a learner's input inside an error message, safely and briefly. */
final class InputText {
    /** Long enough to recognise the input, short enough that a 10 KB paste is not echoed back. */
    static final int MAX_ECHO = 40;

    private InputText() {}

    /**
     * Quotes {@code text} for a message: control and invisible characters become {@code \\uXXXX}
     * escapes (so a NUL or a right-to-left mark cannot hide), and long input is cut short.
     */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        int i = 0;
        while (i < text.length() && shown < MAX_ECHO) {
            int cp = text.codePointAt(i);
            if (cp == '"' || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || (Character.isWhitespace(cp) && cp != ' ')
                    || Character.isSpaceChar(cp) && cp != ' ') {
                for (char c : Character.toChars(cp)) {
                    out.append(String.format("\\u%04X", (int) c));
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
            shown++;
        }
        out.append('"');
        if (i < text.length()) {
            out.append("… (").append(text.length()).append(" characters in all)");
        }
        return out.toString();
    }
}
