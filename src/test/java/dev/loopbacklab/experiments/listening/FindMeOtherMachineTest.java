package dev.loopbacklab.experiments.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbacklab.testing.OtherMachine;
import dev.loopbacklab.testing.Wait;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * listening-find-me holds a server on 0.0.0.0 while it runs: a real other machine (a namespace this
 * test makes, joined by a veth pair) that connects to it meanwhile is closed unread, and the run
 * says so. Skipped where namespaces cannot be made; a failure under {@code LAB_REQUIRE_NETNS=1}.
 */
class FindMeOtherMachineTest {
    @RegisterExtension static final OtherMachine other = OtherMachine.forTheClass();

    @Test
    void anotherMachineConnectingWhileTheRunHoldsItsWildcardServerIsClosedUnread()
            throws Exception {
        WhileFindMeHolds.Result run = WhileFindMeHolds.knock(other::knock);
        List<String> warnings = run.warnings();
        assertEquals(List.of("closed unread"), run.knocks());
        String expected =
                "A connection from "
                        + other.otherAddress()
                        + " reached the 0.0.0.0 server and was closed unread.";
        Wait.until(
                "the run named the other machine in " + warnings,
                () -> warnings.contains(expected));
    }
}
