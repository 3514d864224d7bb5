package dev.loopbacklab.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The access token a lab serving a room asks every request for.
 *
 * <p>A generated token is 24 bytes from {@link SecureRandom} (192 bits) written as 32 base64url
 * characters. A token given by hand must be made of base64url characters ({@code A–Z a–z 0–9 - _})
 * and carry at least 128 bits if it were random: 32 or more characters when it is all hex digits (4
 * bits each), else 22 or more (6 bits each); and use at least 8 different characters, which catches
 * {@code aaaa…}. Those rules only catch short or lazy tokens: the generated one is better.
 */
public final class RoomToken {
    /** The fewest bits a token must carry. */
    public static final int MIN_BITS = 128;

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
        return null;
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
