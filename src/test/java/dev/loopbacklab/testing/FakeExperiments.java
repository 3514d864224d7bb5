package dev.loopbacklab.testing;

import dev.loopbacklab.lesson.Check;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Small experiments for testing the engine and the site without real lessons. */
public final class FakeExperiments {
    private FakeExperiments() {}

    /** Counts to {@code count}, reporting progress and a fact, then a chart. */
    public static final class Count implements Experiment {
        public ExperimentInfo info() {
            return new ExperimentInfo(
                    "test-count",
                    "Counting",
                    "Counts and reports.",
                    ParamSpec.integer("count", 3, 1, 1_000_000, "how far to count"));
        }

        public void run(Params params, Report report) {
            long count = params.integer("count");
            for (long i = 1; i <= count; i++) {
                report.checkCancelled();
                report.progress(i, count, "counting");
            }
            report.fact("counted", count, "", "all of them");
            report.emit(
                    new Event.Chart(
                            "Counts",
                            "bucket",
                            "count",
                            List.of(new Event.Bar("a", 1, false), new Event.Bar("b", 2, true)),
                            "b is highlighted"));
        }
    }

    /** Holds a listening socket until cancelled (or 60 s pass). */
    public static final class Hold implements Experiment {
        public ExperimentInfo info() {
            return new ExperimentInfo("test-hold", "Holding a port", "Listens until stopped.");
        }

        public void run(Params params, Report report) throws Exception {
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                report.closeOnCancel(server);
                report.fact("listening on", server.getLocalPort());
                server.setSoTimeout(60_000);
                server.accept().close();
            }
        }
    }

    /** Always throws. */
    public static final class Boom implements Experiment {
        public ExperimentInfo info() {
            return new ExperimentInfo("test-boom", "Failing", "Throws.");
        }

        public void run(Params params, Report report) throws Exception {
            report.say("about to fail");
            throw new java.net.BindException("Address already in use");
        }
    }

    /** Passes when {@code pass} is true. */
    public static final class Judge implements Check {
        public ExperimentInfo info() {
            return new ExperimentInfo(
                    "test-judge",
                    "Judging",
                    "Passes on request.",
                    ParamSpec.bool("pass", true, "whether to pass"),
                    ParamSpec.host("host", "where"),
                    ParamSpec.port("port", 7, "a port"));
        }

        public void run(Params params, Report report) {
            boolean pass = params.bool("pass");
            report.verdict(
                    pass,
                    pass ? "it passed" : "it did not pass",
                    "host " + params.host("host").text());
        }
    }

    /**
     * A check that waits for the learner to connect to it, as real checks do, with no time limit of
     * its own: only the run's lifetime (or Stop) ends it, by closing the socket it blocks on.
     */
    public static final class Waiter implements Check {
        /** The port the last run listened on, so a test can see it closed. */
        public static volatile int lastPort;

        public ExperimentInfo info() {
            return new ExperimentInfo(
                    "test-wait", "Waiting for you", "Waits for a connection that never comes.");
        }

        public void run(Params params, Report report) throws Exception {
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                report.closeOnCancel(server);
                lastPort = server.getLocalPort();
                report.fact("connect to", server.getLocalPort());
                server.accept().close();
                report.verdict(true, "you connected");
            }
        }
    }

    /** A registry of all of the above. */
    public static ExperimentRegistry registry() {
        return new ExperimentRegistry(
                List.of(new Count(), new Hold(), new Boom(), new Judge(), new Waiter()));
    }
}
