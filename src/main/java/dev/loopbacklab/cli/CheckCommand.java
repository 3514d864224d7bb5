package dev.loopbacklab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code check <check>}: runs a lesson's check. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Run a lesson's check. Exit status: 0 passed, 1 not passed, 2 bad usage.")
public final class CheckCommand extends TerminalRun implements Callable<Integer> {
    @Override
    public Integer call() {
        return execute(true);
    }
}
