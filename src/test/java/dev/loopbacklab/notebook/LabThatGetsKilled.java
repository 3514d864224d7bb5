package dev.loopbacklab.notebook;

import java.util.List;

/**
 * A stand-in lab for {@link ChildExitTest}: opens a session whose snippet leaves a server running
 * (a thread that would keep its JVM alive), starts a snippet that never ends (so the child is busy,
 * not reading the lab's commands), prints the child's pid, and waits to be killed.
 */
final class LabThatGetsKilled {
    private LabThatGetsKilled() {}

    public static void main(String[] args) throws Exception {
        Notebooks notebooks = new Notebooks(NotebookLimits.defaults(), Toolkit.classPath());
        NotebookSession session = notebooks.open(Toolkit.imports());
        Cells cells = new Cells(session);
        List<CellEvent> events =
                cells.run(
                        "var left = EchoServer.start(\"127.0.0.1\", 0);\n"
                                + "ProcessHandle.current().pid()");
        String text = Cells.text(events);
        int run =
                session.run(
                        "{ System.out.println(\"looping\"); while (true) Thread.onSpinWait(); }");
        while (session.events(0, 100).stream()
                .noneMatch(e -> e.run() == run && e.event() instanceof CellEvent.Text)) {
            // wait until the endless snippet runs: the child is busy, not reading commands
        }
        System.out.println("child " + text.substring(text.lastIndexOf("==> ") + 4).strip());
        System.out.flush();
        System.in.read(); // until killed
    }
}
