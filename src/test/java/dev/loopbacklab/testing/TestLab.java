package dev.loopbacklab.testing;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import dev.loopbacklab.web.security.TokenGate;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/** Starts a lab on 127.0.0.1:0 for a test, with the fixture lessons and fake experiments. */
public final class TestLab {
    private TestLab() {}

    /**
     * One path of each kind a guard must cover: the index, a lesson, an asset, the favicon, a path
     * with no route, and an event stream.
     */
    public static final java.util.List<String> EVERY_KIND_OF_ROUTE =
            java.util.List.of(
                    "/",
                    "/lessons/first",
                    "/assets/lab.css",
                    "/favicon.ico",
                    "/nowhere",
                    "/api/runs/abc/events");

    /** The fixture lessons with the real site assets. */
    public static ContentRoot fixtureContent() {
        try {
            Path lessons = Path.of(TestLab.class.getResource("/fixtures/good").toURI());
            return new ContentRoot(lessons, Path.of("site"), false);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A copy of the fixture lessons under {@code dir}/lessons, read from disk on every request as
     * in {@code serve --dev}, so a test can break a lesson while the lab runs.
     */
    public static ContentRoot devCopy(Path dir) throws java.io.IOException {
        Path from = fixtureContent().lessons();
        Path to = dir.resolve("lessons");
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path file : files.toList()) {
                java.nio.file.Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return new ContentRoot(to, Path.of("site").toAbsolutePath(), true);
    }

    /** A lab serving the fixtures, with the fake experiments. */
    public static LabServer start() {
        return start(4, Duration.ofSeconds(10));
    }

    /** A lab with the given limits. */
    public static LabServer start(int maxRuns, Duration lifetime) {
        return start(FakeExperiments.registry(), maxRuns, lifetime);
    }

    public static LabServer start(ExperimentRegistry registry, int maxRuns, Duration lifetime) {
        LabConfig config = LabConfig.local(0, fixtureContent()).withLimits(maxRuns, lifetime);
        return LabServer.start(config, registry, "test");
    }

    /** The real lab: this repository's lessons and site, every real experiment. */
    public static LabServer real() {
        return LabServer.start(
                LabConfig.local(0, ContentRoot.disk(Path.of(""))), Experiments.registry(), "test");
    }

    /** A lab with the fake experiments and the given configuration. */
    public static LabServer start(LabConfig config) {
        return LabServer.start(config, FakeExperiments.registry(), "test");
    }

    /** A test room token: strong enough, and fixed so failures are easy to read. */
    public static final String ROOM_TOKEN = "Rm7kQ2xW9pLz_4vT8nB3cYe6-Hs1";

    /**
     * A lab serving a room: it listens on the wildcard address, answers to {@code lab.test}, and
     * wants {@link #ROOM_TOKEN}. Tests reach it through 127.0.0.1 only, with {@code Host:
     * lab.test}.
     */
    public static LabServer room() {
        return start(
                LabConfig.room(
                        "0.0.0.0", 0, fixtureContent(), java.util.Set.of("lab.test"), ROOM_TOKEN));
    }

    /**
     * A GET as a room's visitor sends it: addressed to the room by its name, with the room's token
     * in the cookie the token link set.
     */
    public static RawHttp.Response visit(LabServer room, String path) throws java.io.IOException {
        return RawHttp.send(
                room.port(),
                "GET "
                        + path
                        + " HTTP/1.1\nHost: lab.test\nCookie: "
                        + TokenGate.COOKIE
                        + "="
                        + ROOM_TOKEN
                        + "\nConnection: close\n\n");
    }
}
