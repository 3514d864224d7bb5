package dev.loopbacklab.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The room's capabilities: the join code, each learner's secret and the board token are 144 random
 * bits from {@link SecureRandom}, written in URL-safe Base64 (24 characters). Only their SHA-256
 * digests are compared, in constant time.
 */
public final class Secrets {
    /** Random bytes in every secret: 144 bits, over the 128 the room's rules ask for. */
    static final int BYTES = 18;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{24}");

    private Secrets() {}

    /** A new secret: 24 characters of {@code A-Z a-z 0-9 - _}. */
    public static String create() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True for text that could be a secret this class made (so it is never looked at further). */
    public static boolean wellFormed(String text) {
        return text != null && text.length() == 24 && WELL_FORMED.matcher(text).matches();
    }

    // One per thread: every write to the room digests its seat's secret, and looking SHA-256 up
    // among the providers each time cost more than the digest.
    private static final ThreadLocal<MessageDigest> SHA_256 =
            ThreadLocal.withInitial(
                    () -> {
                        try {
                            return MessageDigest.getInstance("SHA-256");
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException("every JDK has SHA-256", e);
                        }
                    });

    /** The SHA-256 digest of {@code secret}. */
    public static byte[] digest(String secret) {
        return SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Compares {@code given} with a stored digest in constant time. */
    public static boolean matches(String given, byte[] storedDigest) {
        return given != null && MessageDigest.isEqual(digest(given), storedDigest);
    }
}
