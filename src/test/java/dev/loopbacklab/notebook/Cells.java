package dev.loopbacklab.notebook;

import dev.loopbacklab.testing.Wait;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Reads a session's events for tests: what one cell run showed, once it is done. */
final class Cells {
    private final NotebookSession session;
    private long next;
    private final List<EventLog.Entry> seen = new ArrayList<>();

    Cells(NotebookSession session) {
        this.session = session;
    }

    /** Runs {@code code} and returns what its run showed, up to and including its Done. */
    List<CellEvent> run(String code) throws InterruptedException {
        return await(session.run(code));
    }

    /** The events of run {@code run}, once it is done (waits as long as the test may). */
    List<CellEvent> await(int run) throws InterruptedException {
        while (true) {
            for (EventLog.Entry entry : session.events(next, 200)) {
                next = entry.seq() + 1;
                seen.add(entry);
            }
            List<CellEvent> mine =
                    seen.stream().filter(e -> e.run() == run).map(EventLog.Entry::event).toList();
            if (!mine.isEmpty() && mine.get(mine.size() - 1) instanceof CellEvent.Done) {
                return mine;
            }
        }
    }

    /** Every event seen so far, session events (run 0) included. */
    List<EventLog.Entry> seen() {
        return seen;
    }

    static String text(List<CellEvent> events) {
        StringBuilder text = new StringBuilder();
        for (CellEvent event : events) {
            if (event instanceof CellEvent.Text t) {
                text.append(t.text());
            } else if (event instanceof CellEvent.Value v) {
                text.append(v.text()).append('\n');
            } else if (event instanceof CellEvent.Failure f) {
                text.append(f.text()).append('\n');
            } else if (event instanceof CellEvent.Notice n) {
                text.append(n.text()).append('\n');
            }
        }
        return text.toString();
    }

    static String outcome(List<CellEvent> events) {
        return ((CellEvent.Done) events.get(events.size() - 1)).outcome();
    }

    /** Polls {@code condition} until it holds; the JUnit timeout bounds the wait. */
    static void until(BooleanSupplier condition) {
        Wait.until("the notebook's state", condition);
    }
}
