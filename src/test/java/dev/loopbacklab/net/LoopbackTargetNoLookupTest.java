package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Proves that validating a host never asks a name service. */
class LoopbackTargetNoLookupTest {

    /**
     * Runs {@code body} with a resolver that records every name it is asked for and refuses it;
     * returns those names.
     */
    private static List<String> lookupsDuring(Runnable body) {
        List<String> calls = new ArrayList<>();
        Function<String, InetAddress> original = LoopbackTarget.resolver;
        LoopbackTarget.resolver =
                name -> {
                    calls.add(name);
                    throw new AssertionError("resolver called for " + name);
                };
        try {
            body.run();
        } finally {
            LoopbackTarget.resolver = original;
        }
        return calls;
    }

    @Test
    void neverCallsTheResolverForAnyInput() {
        List<String> inputs =
                Stream.concat(LoopbackTargetTest.acceptedForms(), LoopbackTargetTest.refusedForms())
                        .collect(Collectors.toList());
        inputs.addAll(LoopbackTargetFuzzTest.randomInputs(2_000));
        List<String> calls =
                lookupsDuring(
                        () -> {
                            for (String input : inputs) {
                                try {
                                    LoopbackTarget.parse(input);
                                } catch (InvalidTargetException refused) {
                                    // Refusing is fine; asking a resolver is not.
                                }
                            }
                        });
        assertEquals(List.of(), calls);
    }

    @Test
    void refusesAnUnresolvableNameAtOnce() {
        // A lookup of an .invalid name would wait for the resolver; a text check never asks it
        // (shown by the resolver, not by a stopwatch, so a slow machine cannot fail it).
        List<String> calls =
                lookupsDuring(
                        () ->
                                assertThrows(
                                        InvalidTargetException.class,
                                        () -> LoopbackTarget.parse("loopbacklab-test.invalid")));
        assertEquals(List.of(), calls);
    }

    @Test
    void sourceBuildsAddressesOnlyFromParsedBytes() throws IOException {
        for (String file : List.of("LoopbackTarget.java", "UntrustedText.java")) {
            String source = Files.readString(Path.of("src/main/java/dev/loopbacklab/net", file));
            for (String lookup :
                    List.of(
                            "getByName(",
                            "getAllByName(",
                            "getLocalHost(",
                            "getLoopbackAddress(",
                            "getCanonicalHostName(",
                            "getHostName(",
                            "createUnresolved(",
                            "new InetSocketAddress(String",
                            "resolver.apply(")) {
                assertFalse(source.contains(lookup), file + " must not call " + lookup);
            }
        }
    }
}
