package dev.loopbacklab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code run <experiment>}: runs an experiment in the terminal. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "Run an experiment in the terminal. Exit status: 0 done, 1 failed, 2 bad usage.")
public final class RunCommand extends TerminalRun implements Callable<Integer> {
    @Override
    public Integer call() {
        return execute(false);
    }
}
