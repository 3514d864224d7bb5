package dev.loopbacklab.cli;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.EventJson;
import dev.loopbacklab.lesson.Report;
import java.io.PrintWriter;

/**
 * Prints report events in a terminal: as text (a redrawn progress bar when attached to a console),
 * or as one JSON object per line with {@code --json}.
 */
public final class TerminalReport implements Report {
    private final PrintWriter out;
    private final boolean json;
    private final boolean console;
    private volatile boolean cancelled;
    private int lastPercent = -1;
    private boolean progressLineOpen;
    private String lastLine = "";

    public TerminalReport(PrintWriter out, boolean json, boolean console) {
        this.out = out;
        this.json = json;
        this.console = console;
    }

    /** Marks the run stopped (Ctrl+C). */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public synchronized void emit(Event event) {
        if (json) {
            out.println(EventJson.line(event));
            out.flush();
            return;
        }
        if (event instanceof Event.Progress p) {
            progress(p);
            return;
        }
        endProgressLine();
        out.print(TerminalText.render(event));
        out.flush();
    }

    private void progress(Event.Progress p) {
        int percent = p.percent();
        if (console) {
            String line = fit(TerminalText.bar(p));
            if (!line.equals(lastLine)) {
                // spaces wipe what a longer line before left ("[....] 1% TCPrting")
                String wipe = " ".repeat(Math.max(0, lastLine.length() - line.length()));
                out.print("\r" + line + wipe);
                lastLine = line;
                progressLineOpen = true;
                out.flush();
            }
        } else if (lastPercent < 0 // the first report, 0% included (-1 / 25 is 0 in Java)
                || percent / 25 != lastPercent / 25
                || (percent == 100 && lastPercent != 100)) {
            out.println(TerminalText.bar(p));
            out.flush();
        }
        lastPercent = percent;
    }

    /**
     * Columns a redrawn line may use. A line that wraps cannot be redrawn: a carriage return goes
     * back to the start of its last row only, and the rows above stay. Terminals are 80 columns
     * wide unless made wider, and the process cannot ask (COLUMNS is rarely exported), so the line
     * keeps within 79.
     */
    static final int COLUMNS = 79;

    static String fit(String line) {
        return line.length() <= COLUMNS ? line : line.substring(0, COLUMNS - 1) + "…";
    }

    private void endProgressLine() {
        if (progressLineOpen) {
            out.println();
            progressLineOpen = false;
            lastLine = "";
        }
    }

    /** Ends an open progress line; call when the run is over. */
    public synchronized void finish() {
        endProgressLine();
        out.flush();
    }
}
