package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Random text, from a fixed seed so a failure can be replayed. */
class LoopbackTargetFuzzTest {
    private static final long SEED = 20261126L;

    private static final String[] PIECES = {
        "127",
        "0",
        "1",
        "2",
        "255",
        "256",
        "00",
        "01",
        ".",
        ".",
        ".",
        ":",
        "::",
        "[",
        "]",
        "%",
        "x",
        "0x7f",
        "ffff",
        "localhost",
        "LOCALHOST",
        "ſ",
        " ",
        "\t",
        "\u0000",
        "\uFF11",
        "\u0661",
        "\u200B",
        "-",
        "+",
        "e",
        "a",
        "/",
        "9",
        "99",
        "1000"
    };
    private static final String[] VALID = {"127.0.0.1", "127.9.8.7", "::1", "[::1]", "localhost"};

    /** An oracle written apart from the parser: ASCII digits only, no leading zeros, 0-255. */
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    private static final Pattern ACCEPTABLE =
            Pattern.compile(
                    "127\\."
                            + OCTET
                            + "\\."
                            + OCTET
                            + "\\."
                            + OCTET
                            + "|::1|\\[::1\\]|(?i:localhost)");

    @Test
    void parseReturnsLoopbackOrRefusesForTenThousandRandomStrings() {
        int accepted = 0;
        int refused = 0;
        for (String input : randomInputs(10_000)) {
            boolean acceptable = ACCEPTABLE.matcher(input).matches();
            try {
                LoopbackTarget target = LoopbackTarget.parse(input);
                byte[] bytes = target.address().getAddress();
                assertTrue(acceptable, "accepted " + UntrustedText.quote(input));
                assertTrue(
                        bytes.length == 4 ? bytes[0] == 127 : target.address().isLoopbackAddress(),
                        "not loopback: " + target);
                assertArrayEquals(
                        bytes, LoopbackTarget.parse(target.text()).address().getAddress());
                accepted++;
            } catch (InvalidTargetException e) {
                assertTrue(
                        !acceptable,
                        "refused " + UntrustedText.quote(input) + ": " + e.getMessage());
                refused++;
            } catch (RuntimeException e) {
                fail("unexpected " + e + " for " + UntrustedText.quote(input), e);
            }
        }
        assertTrue(
                accepted > 500 && refused > 5000, accepted + " accepted, " + refused + " refused");
    }

    /** Mixes pieces of addresses at random, and mutates valid forms one character at a time. */
    static List<String> randomInputs(int count) {
        Random random = new Random(SEED);
        List<String> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(4)) {
                case 0:
                    StringBuilder pieces = new StringBuilder();
                    for (int n = random.nextInt(10); n > 0; n--) {
                        pieces.append(PIECES[random.nextInt(PIECES.length)]);
                    }
                    inputs.add(pieces.toString());
                    break;
                case 1:
                    inputs.add(mutate(VALID[random.nextInt(VALID.length)], random));
                    break;
                case 2:
                    inputs.add(
                            "127."
                                    + random.nextInt(300)
                                    + "."
                                    + random.nextInt(300)
                                    + "."
                                    + random.nextInt(300));
                    break;
                default:
                    StringBuilder chars = new StringBuilder();
                    for (int n = random.nextInt(16); n > 0; n--) {
                        int printableAscii = 32 + random.nextInt(95);
                        chars.appendCodePoint(
                                random.nextBoolean() ? printableAscii : random.nextInt(0x3000));
                    }
                    inputs.add(chars.toString());
            }
        }
        return inputs;
    }

    private static String mutate(String valid, Random random) {
        StringBuilder text = new StringBuilder(valid);
        int at = random.nextInt(text.length());
        char replacement = "0123456789.:[]lL \u0000".charAt(random.nextInt(18));
        switch (random.nextInt(4)) {
            case 0:
                text.deleteCharAt(at);
                break;
            case 1:
                text.insert(at, replacement);
                break;
            case 2:
                text.setCharAt(at, replacement);
                break;
            default:
                break; // unchanged: keeps some valid inputs in the mix
        }
        return text.toString();
    }
}
