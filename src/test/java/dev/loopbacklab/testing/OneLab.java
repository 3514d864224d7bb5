package dev.loopbacklab.testing;

import dev.loopbacklab.web.LabServer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One lab for a whole test class, started before its first test and closed after its last:
 * {@code @RegisterExtension static final OneLab lab = OneLab.of(TestLab::start);}. Starting a lab
 * costs more than most of the tests that read it, and every such class would otherwise repeat the
 * same {@code @BeforeAll}/{@code @AfterAll} pair.
 */
public final class OneLab implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<LabServer> start;
    private LabServer server;

    private OneLab(Supplier<LabServer> start) {
        this.start = start;
    }

    /** A lab started by {@code start} (e.g. {@code TestLab::start}, {@code TestLab::room}). */
    public static OneLab of(Supplier<LabServer> start) {
        return new OneLab(start);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = start.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running lab. */
    public LabServer server() {
        if (server == null) {
            throw new IllegalStateException("the lab runs only while the test class does");
        }
        return server;
    }

    /** The port the lab listens on (picked by the OS). */
    public int port() {
        return server().port();
    }

    /** The lab's own address, ending in {@code /}. */
    public String url() {
        return server().url();
    }
}
