package dev.loopbacklab.experiments.listening;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs listening-find-me and, the first time it says where its 0.0.0.0 server listens, knocks on
 * that port while the run still holds the server: what a neighbour (or this machine) connecting in
 * the middle of the lesson would meet.
 */
final class WhileFindMeHolds {
    private static final Pattern WILDCARD = Pattern.compile("0\\.0\\.0\\.0:(\\d+)");

    /** A connection attempt to the wildcard server's port, saying what it met. */
    interface Knock {
        String at(int port) throws IOException;
    }

    /**
     * What the knock met (one entry, or none if the run never named its port), and the warnings.
     */
    record Result(List<String> knocks, List<String> warnings) {}

    private WhileFindMeHolds() {}

    static Result knock(Knock knock) throws Exception {
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
                                knocks.add(knock.at(Integer.parseInt(port.group(1))));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                };
        new FindMe().run(Params.defaults(List.of()), report);
        return new Result(knocks, warnings);
    }
}
