package dev.loopbacklab.web.security;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The access token a lab serving a room asks every request for.
 *
 * <p>A generated token is 24 bytes from {@link SecureRandom} (192 bits) written as 32 base64url
 * characters. A token given by hand must be made of base64url characters ({@code A–Z a–z 0–9 - _})
 * and carry at least 128 bits if it were random: 32 or more characters when it is all hex digits (4
 * bits each), else 22 or more (6 bits each); use at least 8 different characters; and not be
 * guessable: zxcvbn, a well-kept password-strength estimator, must put it at 10^18 guesses or more.
 * It finds the sequences, repeats, keyboard rows and words that make a long token weak ({@code
 * abcdefghijklmnopqrstuv}, {@code passwordpasswordABCDEF}); a random token of 22 characters rates
 * about 10^22. The generated token is still the better one.
 */
public final class RoomToken {
    /** The fewest bits a token must carry. */
    public static final int MIN_BITS = 128;

    /**
     * The fewest guesses, as a power of ten, zxcvbn must estimate for a token: at a thousand
     * guesses a second against the lab, 10^18 take longer than 30 million years.
     */
    public static final double MIN_GUESSES_LOG10 = 18;

    private static final String MIN_GUESSES_LOG10_TEXT = "10^18";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] digest;

    private RoomToken(String token) {
        this.digest = sha256(token);
    }

    /** A new random token of 192 bits, as 32 base64url characters. */
    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A new random token (as {@link #generate}) with its checker. It is not judged as {@link #of}
     * judges a hand-picked one: 192 random bits are strong by construction, and judging would load
     * zxcvbn's dictionaries (about a second of CPU) into every lab that starts.
     */
    public static Generated random() {
        String token = generate();
        return new Generated(token, new RoomToken(token));
    }

    /** A token this lab made, and its checker. */
    public record Generated(String text, RoomToken check) {}

    /** Why {@code token} is too weak to guard a room, or null when it will do. */
    public static String weakness(String token) {
        if (token == null || token.isEmpty()) {
            return "the token is empty";
        }
        if (!token.matches("[A-Za-z0-9_-]+")) {
            return "use only the characters A-Z a-z 0-9 - and _ in the token";
        }
        boolean hex = token.matches("[0-9a-fA-F]+");
        int bits = token.length() * (hex ? 4 : 6);
        if (bits < MIN_BITS) {
            return "the token is too short: it needs at least "
                    + MIN_BITS
                    + " bits, that is at least "
                    + (hex ? "32 hex digits" : "22 characters")
                    + " (this one has "
                    + token.length()
                    + ")";
        }
        if (token.chars().distinct().count() < 8) {
            return "the token repeats too few characters to be random";
        }
        Strength strength = Estimator.ZXCVBN.measure(token);
        if (strength.getGuessesLog10() < MIN_GUESSES_LOG10) {
            String warning = strength.getFeedback().getWarning();
            return String.format(
                            Locale.ROOT,
                            "the token is guessable: a strength estimator (zxcvbn) finds it in about"
                                    + " 10^%.0f guesses, and %s are required",
                            Math.floor(strength.getGuessesLog10()),
                            MIN_GUESSES_LOG10_TEXT)
                    + (warning == null || warning.isEmpty() ? "" : " (" + warning + ")");
        }
        return null;
    }

    /** Loaded on the first token judged: its dictionaries take a moment to read. */
    private static final class Estimator {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }

    /** A checker for {@code token}, which must not be {@link #weakness weak}. */
    public static RoomToken of(String token) {
        String weakness = weakness(token);
        if (weakness != null) {
            throw new IllegalArgumentException(weakness);
        }
        return new RoomToken(token);
    }

    /**
     * True when {@code presented} is the token. Compares SHA-256 digests with {@link
     * MessageDigest#isEqual}, so the time taken says nothing about how much of a guess was right.
     */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
