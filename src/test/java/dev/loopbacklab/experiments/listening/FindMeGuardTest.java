package dev.loopbacklab.experiments.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.IpLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * While listening-find-me holds its 0.0.0.0 server, a connection to it is closed at once, unread,
 * instead of waiting in the backlog for as long as the run lasts. Without the guard the read below
 * blocks the run itself, and the suite's default timeout fails the test.
 */
class FindMeGuardTest {
    private static final Pattern WILDCARD = Pattern.compile("0\\.0\\.0\\.0:(\\d+)");

    @Test
    void aConnectionToTheWildcardServerIsClosedUnreadWhileTheRunHoldsIt() throws Exception {
        List<String> outcomes = new CopyOnWriteArrayList<>();
        Report report =
                new Report() {
                    @Override
                    public void emit(Event event) {}

                    @Override
                    public boolean cancelled() {
                        return false;
                    }

                    @Override
                    public void say(String text) {
                        Matcher port = WILDCARD.matcher(text);
                        if (outcomes.isEmpty() && port.find()) {
                            outcomes.add(knock(Integer.parseInt(port.group(1))));
                        }
                    }
                };
        new FindMe().run(Params.defaults(List.of()), report);
        assertEquals(List.of("closed"), outcomes);
    }

    /** Connects through loopback, sends a request, and reads what comes back. */
    private static String knock(int port) {
        try (Socket client = new Socket(IpLiteral.loopbackV4(), port)) {
            client.getOutputStream().write("hello?\n".getBytes());
            InputStream in = client.getInputStream();
            return in.read() == -1 ? "closed" : "answered";
        } catch (IOException e) {
            assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
            return "closed";
        }
    }
}
