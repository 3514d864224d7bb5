package dev.loopbacklab.experiments.echo;

/**
 * Text as a learner should see it when what matters is the exact bytes: line breaks, tabs and other
 * invisible characters are drawn as symbols or escapes instead of disappearing.
 */
final class VisibleText {
    private VisibleText() {}

    /**
     * Shows {@code text} with {@code \n} as ⏎, {@code \t} as ⇥, and every other control, format or
     * unpaired surrogate character as a {@code \\uXXXX} escape; cut after {@code maxChars}
     * characters with a note of the full length.
     */
    static String of(String text, int maxChars) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int shown = 0;
        while (i < text.length() && shown < maxChars) {
            int cp = text.codePointAt(i);
            if (cp == '\n') {
                out.append('⏎');
            } else if (cp == '\t') {
                out.append('⇥');
            } else if (Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE
                    || (Character.isSpaceChar(cp) && cp != ' ')) {
                for (char c : Character.toChars(cp)) {
                    out.append(String.format("\\u%04X", (int) c));
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
            shown++;
        }
        if (i < text.length()) {
            out.append("… (")
                    .append(text.codePointCount(0, text.length()))
                    .append(" characters in all)");
        }
        return out.toString();
    }
}
