package dev.loopbacklab.experiments.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.testing.OtherMachine;
import dev.loopbacklab.testing.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * listening-find-me holds a server on 0.0.0.0 while it runs: a real other machine (a namespace this
 * test makes, joined by a veth pair) that connects to it meanwhile is closed unread, and the run
 * says so. Skipped where namespaces cannot be made; a failure under {@code LAB_REQUIRE_NETNS=1}.
 */
class FindMeOtherMachineTest {
    private static final Pattern WILDCARD = Pattern.compile("0\\.0\\.0\\.0:(\\d+)");
    private static OtherMachine other;

    @BeforeAll
    static void makeTheOtherMachine() throws Exception {
        OtherMachine.needed();
        other = OtherMachine.create();
    }

    @AfterAll
    static void removeIt() throws Exception {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void anotherMachineConnectingWhileTheRunHoldsItsWildcardServerIsClosedUnread()
            throws Exception {
        List<String> knocks = new CopyOnWriteArrayList<>();
        List<String> warnings = new CopyOnWriteArrayList<>();
        Report report =
                new Report() {
                    @Override
                    public void emit(Event event) {
                        if (event instanceof Event.Warning w) {
                            warnings.add(w.text());
                        }
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }

                    @Override
                    public void say(String text) {
                        Matcher port = WILDCARD.matcher(text);
                        if (knocks.isEmpty() && port.find()) {
                            try {
                                knocks.add(other.knock(Integer.parseInt(port.group(1))));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                };
        new FindMe().run(Params.defaults(List.of()), report);
        assertEquals(List.of("closed unread"), knocks);
        String expected =
                "A connection from "
                        + other.otherAddress()
                        + " reached the 0.0.0.0 server and was closed unread.";
        Wait.until(
                "the run named the other machine in " + warnings,
                () -> warnings.contains(expected));
    }
}
