package dev.loopbacklab.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.net.InvalidTargetException;
import dev.loopbacklab.net.LoopbackTarget;
import dev.loopbacklab.net.PortFormatException;
import dev.loopbacklab.net.Ports;
import dev.loopbacklab.testing.FakeExperiments;
import dev.loopbacklab.testing.Garbage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand seeded random inputs to each parser behind the web API: each either accepts or
 * refuses with its own exception and a message for people, never anything else.
 */
class ParserFuzzTest {
    private static final int INPUTS = 10_000;
    private final Garbage garbage = new Garbage(62893L);

    @Test
    void theHostGuardAcceptsOnlyTheLoopbackNames() {
        HostGuard guard = new HostGuard(Set.of());
        for (int i = 0; i < INPUTS; i++) {
            String host = i % 2 == 0 ? garbage.text(80) : garbage.mutate("127.0.0.1:62893");
            if (guard.allows(host)) {
                String name =
                        host.toLowerCase(java.util.Locale.ROOT).replaceFirst(":[0-9]{1,5}$", "");
                assertTrue(Set.of("localhost", "127.0.0.1", "[::1]").contains(name), host);
            }
        }
    }

    @Test
    void theOriginGuardOnlyLetsTheSameOriginThrough() {
        OriginGuard room = new OriginGuard(true);
        for (int i = 0; i < INPUTS; i++) {
            String site = garbage.random().nextBoolean() ? garbage.text(20) : null;
            String origin =
                    garbage.random().nextBoolean() ? garbage.mutate("http://lab.test:1") : null;
            if (room.refusal(site, origin, "lab.test:1") == null) {
                assertTrue(
                        site != null
                                ? site.equals("same-origin") || site.equals("none")
                                : "http://lab.test:1".equals(origin),
                        site + " " + origin);
            }
        }
    }

    @Test
    void tokensAreJudgedWithoutSurprises() {
        for (int i = 0; i < INPUTS; i++) {
            String token = garbage.text(60);
            String weakness = RoomToken.weakness(token);
            if (weakness == null) {
                assertTrue(token.length() >= 22 && token.matches("[A-Za-z0-9_-]+"), token);
            }
        }
    }

    @Test
    void portsAndTargetsRefuseWithTheirOwnExceptions() {
        for (int i = 0; i < INPUTS; i++) {
            String text = i % 3 == 0 ? garbage.mutate("62893") : garbage.text(40);
            try {
                int port = Ports.parse(text);
                assertTrue(port >= 0 && port <= 65535 && text.matches("[0-9]+"), text);
            } catch (PortFormatException refused) {
                assertFalse(refused.getMessage().isBlank());
            }
            String host = i % 3 == 0 ? garbage.mutate("127.0.0.1") : garbage.text(40);
            try {
                assertTrue(LoopbackTarget.parse(host).address().isLoopbackAddress(), host);
            } catch (InvalidTargetException refused) {
                assertTrue(refused.getMessage().contains(LoopbackTarget.ACCEPTED_FORMS));
            }
        }
    }

    @Test
    void paramsOfEveryExperimentRefuseWithAParamException() {
        List<Experiment> all = new ArrayList<>(FakeExperiments.registry().all());
        all.addAll(Experiments.registry().all());
        for (int i = 0; i < INPUTS; i++) {
            Experiment experiment = garbage.pick(all);
            Map<String, String> raw = new HashMap<>();
            for (ParamSpec spec : experiment.params()) {
                if (garbage.random().nextBoolean()) {
                    raw.put(
                            spec.name(),
                            garbage.random().nextBoolean()
                                    ? garbage.text(50)
                                    : garbage.mutate(
                                            spec.defaultValue() == null
                                                    ? "1"
                                                    : spec.defaultValue()));
                }
            }
            if (garbage.random().nextInt(10) == 0) {
                raw.put(garbage.text(10), garbage.text(10));
            }
            try {
                Params.parse(experiment.params(), raw);
            } catch (ParamException refused) {
                assertFalse(refused.getMessage().isBlank(), experiment.id());
                assertFalse(refused.getMessage().contains("Exception"), refused.getMessage());
            }
        }
    }
}
