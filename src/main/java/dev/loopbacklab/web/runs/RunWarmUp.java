package dev.loopbacklab.web.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.EventJson;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ExperimentInfo;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The path every run takes, walked once without a run: a run request parsed as {@link RunApi}
 * parses it (Jackson's object mapper and tree model, the parameters), a run id drawn (the JDK's
 * DRBG seeds itself on first use, reading the network interfaces among other things), the answer
 * built, one blank event of each kind recorded as a {@link Run} records it (HTML fragment and JSON)
 * and framed for a stream, and the common pool that Javalin completes a stream's response on. Done
 * cold, on the learner's first Run, that was most of the wait for the first event (bench/README.md,
 * {@code first-event}). Nothing is started, sent, counted or kept; {@link
 * dev.loopbacklab.web.tuning.FirstRunWarmUp} decides when it runs.
 */
public final class RunWarmUp {
    private static final ParamSpec PORT = ParamSpec.port("port", 1, "a port");

    private static final Experiment NOTHING =
            new Experiment() {
                private final ExperimentInfo info =
                        new ExperimentInfo("warm-up", "Warm-up", "Runs nothing.", PORT);

                @Override
                public ExperimentInfo info() {
                    return info;
                }

                @Override
                public void run(Params params, Report report) {}
            };

    private RunWarmUp() {}

    /** Walks the run path once (a few hundred ms of class loading and first calls, cold). */
    public static void sharedPath() {
        try {
            byte[] request =
                    "{\"experiment\":\"warm-up\",\"params\":{\"port\":\"62893\"}}"
                            .getBytes(StandardCharsets.UTF_8);
            Params.parse(
                    NOTHING.params(),
                    RunApi.raw(EventJson.mapper().readTree(request).path("params")));
            RunRegistry.drbg().nextBytes(new byte[16]);
            java.util.concurrent.CompletableFuture.supplyAsync(() -> 0).join();
            ObjectNode created = EventJson.mapper().createObjectNode();
            created.put("id", "0");
            EventTypes.all().forEach(created.putArray("types")::add);
            created.toString();
            Run run = new Run("0", NOTHING);
            SseFrames frames = new SseFrames(OutputStream.nullOutputStream());
            for (Event event : EventTypes.blanks()) {
                run.emit(event);
            }
            int i = 0;
            for (String payload : run.payloadsFrom(0)) {
                frames.event(EventTypes.all().get(i++), payload, Integer.toString(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
