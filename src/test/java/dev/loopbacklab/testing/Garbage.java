package dev.loopbacklab.testing;

import java.util.List;
import java.util.Random;

/** Seeded random text for fuzz tests: control bytes, non-ASCII digits, long runs, near misses. */
public final class Garbage {
    private static final List<String> PIECES =
            List.of(
                    "",
                    " ",
                    "%",
                    "%00",
                    "%zz",
                    "%2F",
                    "..",
                    "/",
                    "\\",
                    "\u0000",
                    "\r",
                    "\n",
                    "\t",
                    "\u0661\u0662",
                    "\uff11",
                    "\u00e9",
                    "\ud83d\ude00",
                    "\ud800",
                    "\"",
                    "'",
                    "<script>",
                    "{",
                    "}",
                    "[",
                    "]",
                    ":",
                    ",",
                    "null",
                    "-1",
                    "+80",
                    "080",
                    "1e9",
                    "99999999999999999999",
                    "0x7f000001",
                    "127.1",
                    "::ffff:127.0.0.1",
                    "localhost.",
                    "[::1]",
                    "token=",
                    "&",
                    "?",
                    "#",
                    "=",
                    ";",
                    "@",
                    "\u202e",
                    "\ufeff");
    private final Random random;

    public Garbage(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** Some text up to about {@code max} characters, from the pieces and random code points. */
    public String text(int max) {
        StringBuilder out = new StringBuilder();
        int target = random.nextInt(10) == 0 ? random.nextInt(max + 1) : random.nextInt(24);
        while (out.length() < target) {
            switch (random.nextInt(4)) {
                case 0 -> out.append(PIECES.get(random.nextInt(PIECES.size())));
                case 1 -> out.appendCodePoint(random.nextInt(0x80));
                case 2 -> out.appendCodePoint(random.nextInt(0x3000));
                default ->
                        out.append(
                                "a".repeat(1 + random.nextInt(random.nextInt(3) == 0 ? 5000 : 8)));
            }
        }
        return out.length() > max ? out.substring(0, max) : out.toString();
    }

    /** {@code valid} with a few random changes: characters dropped, replaced or inserted. */
    public String mutate(String valid) {
        StringBuilder out = new StringBuilder(valid);
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.replace(at, at + 1, text(3));
                default -> out.insert(at, text(12));
            }
        }
        return out.toString();
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
