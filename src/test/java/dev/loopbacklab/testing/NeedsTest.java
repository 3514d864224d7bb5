package dev.loopbacklab.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing machine feature skips a test, unless CI's switch makes the skip a failure. */
class NeedsTest {
    @Test
    void aPresentFeatureNeitherSkipsNorFails() {
        assertDoesNotThrow(() -> Needs.that(true, "nothing missing", "LAB_REQUIRE_X", true));
        assertDoesNotThrow(() -> Needs.that(true, "nothing missing", "LAB_REQUIRE_X", false));
    }

    @Test
    void aMissingFeatureSkipsWhenNotRequired() {
        TestAbortedException skipped =
                assertThrows(
                        TestAbortedException.class,
                        () -> Needs.that(false, "no ::1 here", "LAB_REQUIRE_X", false));
        assertTrue(skipped.getMessage().contains("no ::1 here"), skipped.getMessage());
    }

    @Test
    void aMissingFeatureFailsWhenTheSwitchIsOn() {
        AssertionFailedError failed =
                assertThrows(
                        AssertionFailedError.class,
                        () -> Needs.that(false, "no ::1 here", "LAB_REQUIRE_X", true));
        assertEquals("no ::1 here; LAB_REQUIRE_X=1 makes this a failure.", failed.getMessage());
    }

    @Test
    void ciTurnsTheIpv6SwitchOn() throws Exception {
        String ci = java.nio.file.Files.readString(java.nio.file.Path.of(".ci/run"));
        assertTrue(ci.contains("export " + Needs.REQUIRE_IPV6 + "=1"), ".ci/run sets the switch");
    }
}
