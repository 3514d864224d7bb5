package dev.loopbacklab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.net.BindFailure;
import dev.loopbacklab.net.ExcludedPorts;
import dev.loopbacklab.net.Platform;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class BindTroubleTest {
    static final Platform WINDOWS = Platform.of("Windows 11", "10.0");
    static final Platform LINUX = Platform.of("Linux", "6.1");

    /**
     * Excluded ranges as netsh printed them on a Windows with Hyper-V (issue thread in the
     * fixture).
     */
    static final ExcludedPorts EXCLUDED =
            ExcludedPorts.parseNetsh(
                    "Start Port    End Port\n----------    --------\n      5985        5985\n"
                            + "     50000       50059     *\n");

    @Test
    void windowsExcludedPortIsNotBlamedOnAnotherProgram() {
        BindFailure kind =
                BindTrouble.kind(
                        new RuntimeException(
                                "Failed to bind",
                                new BindException("Address already in use: bind")));
        assertEquals(BindFailure.IN_USE, kind);
        String words = BindTrouble.cause(WINDOWS, 50000, "127.0.0.1", kind, EXCLUDED, true);
        assertTrue(
                words.startsWith("Port 50000 is reserved by Windows (excluded range 50000–50059"),
                words);
        assertTrue(words.contains("nothing can listen there"), words);
    }

    @Test
    void aPortOutsideTheRangesIsStillBusy() {
        assertEquals(
                "Port 8080 on 127.0.0.1 is already in use by another program.",
                BindTrouble.cause(WINDOWS, 8080, "127.0.0.1", BindFailure.IN_USE, EXCLUDED, true));
        assertEquals(
                "Port 50000 is busy: another program is already listening on 127.0.0.1:50000.",
                BindTrouble.cause(LINUX, 50000, "127.0.0.1", BindFailure.IN_USE, EXCLUDED, false));
    }

    @Test
    void permissionAndAddressFailuresSayWhatTheyAre() {
        assertTrue(
                BindTrouble.cause(
                                LINUX,
                                80,
                                "127.0.0.1",
                                BindTrouble.kind(new BindException("Permission denied")),
                                ExcludedPorts.none(),
                                true)
                        .contains("needs privileges"));
        assertTrue(
                BindTrouble.cause(
                                LINUX,
                                8080,
                                "192.0.2.1",
                                BindFailure.CANNOT_ASSIGN,
                                ExcludedPorts.none(),
                                true)
                        .startsWith("192.0.2.1 is not an address of this machine"));
    }
}
