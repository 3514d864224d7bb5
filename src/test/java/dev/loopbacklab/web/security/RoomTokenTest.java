package dev.loopbacklab.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomTokenTest {
    @Test
    void generatedTokensCarry192RandomBitsInBase64url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = RoomToken.generate();
            assertTrue(token.matches("[A-Za-z0-9_-]{32}"), token);
            assertEquals(24, Base64.getUrlDecoder().decode(token).length);
            assertNull(RoomToken.weakness(token), token);
            assertTrue(seen.add(token), "repeated " + token);
        }
    }

    @Test
    void aRandomTokenComesWithItsOwnCheckerAndWouldPassTheJudgement() {
        RoomToken.Generated one = RoomToken.random();
        RoomToken.Generated two = RoomToken.random();
        assertTrue(one.text().matches("[A-Za-z0-9_-]{32}"), one.text());
        assertNull(RoomToken.weakness(one.text()), one.text());
        assertTrue(one.check().matches(one.text()));
        assertFalse(one.check().matches(two.text()));
        assertFalse(one.check().matches(null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9f3c1a7e5b2d8046c1e9a3f7b5d20e84",
                "Xq4-Tz8mVb2_Lw6nRc1Hy5",
                "Rm7kQ2xW9pLz_4vT8nB3cYe6-Hs1"
            })
    void acceptsRandomTokensOfAtLeast128Bits(String token) {
        assertNull(RoomToken.weakness(token));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "secret",
                "0123456789abcdef0123456789abcde",
                "Abcdefgh-_ijklmnopqrs",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "abababababababababababababab",
                "has spaces in it and is long enough",
                "token/with/slashes/and/more/chars",
                "tökenwithnonasciiletters1234567890",
                "abcdefghijklmnopqrstuvwxyz;=x",
                "abcdefghijklmnopqrstuv",
                "passwordpasswordABCDEF",
                "0000000000000000000000000001234567",
                "0123456789abcdef0123456789abcdef",
                "Abcdefgh-_ijklmnopqrst",
                "Room-Token_0123456789abcdefXYZ",
                "qwertyuiopasdfghjklzxcvbnm"
            })
    void refusesShortRepetitiveGuessableOrOddTokens(String token) {
        assertNotNull(RoomToken.weakness(token), token);
        assertThrows(IllegalArgumentException.class, () -> RoomToken.of(token));
    }

    @Test
    void aShortTokenIsToldWhatIsNeeded() {
        assertTrue(RoomToken.weakness("0123456789abcdef").contains("32 hex digits"));
        assertTrue(RoomToken.weakness("Abcdefgh-_ij").contains("22 characters"));
    }

    @Test
    void aGuessableTokenIsToldWhy() {
        String why = RoomToken.weakness("passwordpasswordABCDEF");
        assertTrue(why.contains("guessable") && why.contains("zxcvbn"), why);
    }

    @Test
    void matchesOnlyTheExactToken() {
        RoomToken token = RoomToken.of("Rm7kQ2xW9pLz_4vT8nB3cYe6-Hs1");
        assertTrue(token.matches("Rm7kQ2xW9pLz_4vT8nB3cYe6-Hs1"));
        assertFalse(token.matches("Rm7kQ2xW9pLz_4vT8nB3cYe6-Hs"));
        assertFalse(token.matches("Rm7kQ2xW9pLz_4vT8nB3cYe6-Hs1 "));
        assertFalse(token.matches("rm7kq2xw9plz_4vt8nb3cye6-hs1"));
        assertFalse(token.matches(""));
        assertFalse(token.matches(null));
    }
}
