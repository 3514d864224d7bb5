package dev.loopbacklab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session runs cells in one child JVM, keeps state, reports problems, and keeps its limits. */
class NotebookSessionTest {
    private Notebooks notebooks;

    private NotebookSession open(NotebookLimits limits) {
        notebooks = new Notebooks(limits, Toolkit.classPath());
        return notebooks.open(Toolkit.imports());
    }

    @AfterEach
    void closeAll() {
        if (notebooks != null) {
            notebooks.close();
        }
    }

    @Test
    void keepsStateFromOneCellToTheNextWithTheToolkitImported() throws Exception {
        Cells cells = new Cells(open(NotebookLimits.defaults()));
        List<CellEvent> first = cells.run("int a = 20;\nvar info = Ports.classify(62893);");
        assertEquals("ok", Cells.outcome(first), first.toString());
        assertTrue(Cells.text(first).contains("a ==> 20"), first.toString());
        List<CellEvent> second =
                cells.run("System.out.println(a + 1);\nSystem.err.println(\"e\");");
        assertEquals("ok", Cells.outcome(second));
        assertTrue(second.contains(new CellEvent.Text("out", "21\n")), second.toString());
        assertTrue(second.contains(new CellEvent.Text("err", "e\n")), second.toString());
    }

    @Test
    void marksTheLineAndColumnOfACompileError() throws Exception {
        Cells cells = new Cells(open(NotebookLimits.defaults()));
        List<CellEvent> events = cells.run("int x = 1;\n\nint y = nope + 1;\nint z = 3;");
        assertEquals("error", Cells.outcome(events));
        CellEvent.Diagnostic diag =
                events.stream()
                        .filter(CellEvent.Diagnostic.class::isInstance)
                        .map(CellEvent.Diagnostic.class::cast)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals(3, diag.line(), diag.toString());
        assertEquals(9, diag.column(), diag.toString());
        assertEquals("int y = nope + 1;", diag.sourceLine());
        assertTrue(diag.message().contains("nope"), diag.message());
        // the cell stops at the first error: z was never made
        assertFalse(Cells.text(events).contains("z ==> 3"), events.toString());
    }

    @Test
    void reportsAnExceptionAtTheCellsLine() throws Exception {
        Cells cells = new Cells(open(NotebookLimits.defaults()));
        List<CellEvent> events = cells.run("int ok = 1;\nInteger.parseInt(\"x\");");
        CellEvent.Failure failure =
                events.stream()
                        .filter(CellEvent.Failure.class::isInstance)
                        .map(CellEvent.Failure.class::cast)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(events.toString()));
        assertTrue(failure.text().startsWith("java.lang.NumberFormatException"), failure.text());
        assertTrue(
                failure.frames().contains("at line 2 of this cell"), failure.frames().toString());
    }

    @Test
    void stopsASnippetThatLoopsForeverAfterTheTimeLimitAndKeepsTheSession() throws Exception {
        Cells cells =
                new Cells(open(NotebookLimits.defaults().withSnippetTime(Duration.ofSeconds(2))));
        cells.run("int kept = 7;");
        List<CellEvent> events = cells.run("while (true) {}");
        assertEquals("stopped", Cells.outcome(events), events.toString());
        assertTrue(Cells.text(events).contains("the time one snippet may take"), events.toString());
        List<CellEvent> after = cells.run("kept + 1");
        assertTrue(Cells.text(after).contains("==> 8"), after.toString());
    }

    @Test
    void stopEndsARunningSnippet() throws Exception {
        NotebookSession session = open(NotebookLimits.defaults());
        Cells cells = new Cells(session);
        cells.run("1");
        int run = session.run("long n = 0;\nwhile (true) { n++; }");
        // wait until the loop is running: the first snippet of the cell has reported
        Cells.until(
                () -> {
                    try {
                        return session.events(0, 50).stream()
                                .anyMatch(
                                        e ->
                                                e.run() == run
                                                        && e.event() instanceof CellEvent.Value);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        session.stop("you pressed Stop");
        List<CellEvent> events = cells.await(run);
        assertEquals("stopped", Cells.outcome(events), events.toString());
        assertTrue(Cells.text(events).contains("Stopped: you pressed Stop"), events.toString());
    }

    @Test
    void anAllocationWithoutBoundIsContainedByTheChildsHeap() throws Exception {
        NotebookSession session = open(NotebookLimits.defaults().withHeap(64));
        Cells cells = new Cells(session);
        List<CellEvent> events =
                cells.run(
                        "var hog = new java.util.ArrayList<byte[]>();\n"
                                + "while (true) hog.add(new byte[1 << 20]);");
        String text = Cells.text(events);
        // the child's heap ran out, not the lab's: either the snippet saw OutOfMemoryError or the
        // child ended; in both cases the lab carries on and the next Run works
        assertTrue(
                text.contains("OutOfMemoryError") || Cells.outcome(events).equals("ended"),
                events.toString());
        List<CellEvent> after = cells.run("hog = null;\n2 + 2");
        List<CellEvent> again = Cells.text(after).contains("==> 4") ? after : cells.run("2 + 2");
        assertTrue(Cells.text(again).contains("==> 4"), again.toString());
    }

    @Test
    void capsTheOutputOfACellAndSaysSo() throws Exception {
        Cells cells = new Cells(open(NotebookLimits.defaults().withOutputCap(1024)));
        List<CellEvent> events =
                cells.run("for (int i = 0; i < 5000; i++) System.out.println(\"line \" + i);");
        assertEquals("ok", Cells.outcome(events));
        String printed =
                events.stream()
                        .filter(CellEvent.Text.class::isInstance)
                        .map(e -> ((CellEvent.Text) e).text())
                        .reduce("", String::concat);
        assertEquals(1024, printed.length());
        assertTrue(Cells.text(events).contains("Output capped"), events.toString());
    }

    @Test
    void refusesMoreSessionsThanTheLimit() {
        open(NotebookLimits.defaults().withMaxSessions(1));
        IllegalStateException full =
                assertThrows(IllegalStateException.class, () -> notebooks.open(List.of()));
        assertTrue(full.getMessage().contains("the most this lab runs at once"), full.getMessage());
    }

    @Test
    void anIdleSessionEndsWithItsChild() throws Exception {
        NotebookSession session =
                open(NotebookLimits.defaults().withIdleTime(Duration.ofSeconds(2)));
        Cells cells = new Cells(session);
        ProcessHandle child = childOf(cells);
        Cells.until(session::isClosed);
        child.onExit().get(); // interruptible: the JUnit timeout ends a wait that never ends
        assertFalse(child.isAlive());
    }

    /** The child JVM, as it names itself. */
    static ProcessHandle childOf(Cells cells) throws InterruptedException {
        List<CellEvent> events = cells.run("ProcessHandle.current().pid()");
        String text = Cells.text(events);
        long pid = Long.parseLong(text.substring(text.indexOf("==> ") + 4).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("gone already: " + pid));
    }

    @Test
    void resetStartsAFreshJShell() throws Exception {
        NotebookSession session = open(NotebookLimits.defaults());
        Cells cells = new Cells(session);
        cells.run("int before = 1;");
        ProcessHandle first = session.child().orElseThrow();
        session.reset();
        List<CellEvent> events = cells.run("before");
        assertEquals("error", Cells.outcome(events), events.toString());
        first.onExit().get();
        assertTrue(session.child().orElseThrow().pid() != first.pid());
    }

    @Test
    void jshellCommandsAreSkippedWithAWord() throws Exception {
        Cells cells = new Cells(open(NotebookLimits.defaults()));
        List<CellEvent> events = cells.run("/vars\nint v = 3;");
        assertEquals("ok", Cells.outcome(events));
        assertTrue(Cells.text(events).contains("line 1 is a JShell command"), events.toString());
        assertTrue(Cells.text(events).contains("v ==> 3"), events.toString());
    }
}
