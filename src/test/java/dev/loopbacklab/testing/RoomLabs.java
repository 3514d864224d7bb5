package dev.loopbacklab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.ContentRoot;
import dev.loopbacklab.lesson.ExperimentRegistry;
import dev.loopbacklab.net.IpLiteral;
import dev.loopbacklab.room.JoinLink;
import dev.loopbacklab.room.RoomException;
import dev.loopbacklab.web.LabConfig;
import dev.loopbacklab.web.LabServer;
import dev.loopbacklab.web.room.WorkshopConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real labs of one workshop on loopback: a teacher's lab with a room open, and learners' own labs,
 * each sending from the loopback address it is given (127.0.0.2 plays another machine). Registered
 * with {@code @RegisterExtension} on an instance field it closes every lab it started after each
 * test; a class that keeps its labs longer (a browser test) calls {@link #close()} itself.
 */
public final class RoomLabs implements AfterEachCallback, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContentRoot content;
    private final ExperimentRegistry experiments;
    private final List<LabServer> started = new ArrayList<>();
    private Path folder;
    private LabServer teacher;

    private RoomLabs(ContentRoot content, ExperimentRegistry experiments) {
        this.content = content;
        this.experiments = experiments;
    }

    /** Labs serving the fixture lessons with {@code experiments}. */
    public static RoomLabs fixtures(ExperimentRegistry experiments) {
        return new RoomLabs(TestLab.fixtureContent(), experiments);
    }

    /** Labs serving this repository's lessons with every real experiment. */
    public static RoomLabs real() {
        return new RoomLabs(ContentRoot.disk(Path.of("")), Experiments.registry());
    }

    /** The teacher's lab, its room open (started on first use). */
    public LabServer teacher() {
        if (teacher == null) {
            teacher = start(new WorkshopConfig(folder(), true, null, null, null));
        }
        return teacher;
    }

    /**
     * A new learner's lab, in no room yet.
     *
     * @param sendFrom the loopback literal it sends to the room from, or null for the OS's choice
     */
    public LabServer learner(String sendFrom) {
        Path own = folder().resolve("learner-" + started.size());
        return start(
                new WorkshopConfig(
                        own,
                        false,
                        null,
                        null,
                        sendFrom == null ? null : IpLiteral.parse(sendFrom)));
    }

    /**
     * Joins the teacher's room from {@code learner}'s own page, as its Join button does, and
     * returns the lab's answer.
     */
    public JsonNode join(LabServer learner, String nickname) throws IOException {
        String body =
                JSON.writeValueAsString(
                        Map.of("link", teacher().workshop().joinLink(), "nickname", nickname));
        RawHttp.Response joined =
                RawHttp.postJson(
                        learner.port(), "/api/room/join", "Sec-Fetch-Site: same-origin\n", body);
        assertEquals(200, joined.status(), joined.body());
        return JSON.readTree(joined.body());
    }

    /**
     * Joins the teacher's room from {@code learner}'s lab itself, as {@code lab serve --join} does,
     * trying again until the teacher's lab answers: one just started on a loaded machine may take
     * longer than the room client's 5 s to answer its first request (a try that timed out may have
     * left a seat of its own; the last one is the learner's).
     */
    public void joinFromTheLab(LabServer learner, String nickname) {
        JoinLink link = JoinLink.parse(teacher().workshop().joinLink());
        Wait.until(
                "the teacher's lab to seat " + nickname,
                () -> {
                    try {
                        learner.workshop().membership().join(link, nickname);
                        return "seated";
                    } catch (RoomException slow) {
                        return slow.getMessage();
                    }
                },
                "seated"::equals);
    }

    private LabServer start(WorkshopConfig workshop) {
        LabServer lab = LabServer.start(LabConfig.local(0, content), workshop, experiments, "test");
        started.add(lab);
        return lab;
    }

    private Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("room-labs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
    }

    /** Closes every lab started, the last started first, and removes the room's files. */
    @Override
    public void close() throws IOException {
        try {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        } finally {
            started.clear();
            teacher = null;
            if (folder != null) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                folder = null;
            }
        }
    }
}
