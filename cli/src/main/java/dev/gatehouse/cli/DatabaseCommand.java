package dev.gatehouse.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that works on the database: it gets a session and an output, and returns its exit code. */
abstract class DatabaseCommand implements Callable<Integer> {
    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts instead of tables.")
    boolean json;

    @Override
    public final Integer call() {
        try (var session = root().openSession()) {
            return run(session, output());
        }
    }

    /** @return the exit code */
    abstract int run(Session session, Output output);

    final CommandSpec spec() {
        if (spec == null) {
            throw new IllegalStateException("picocli injects the spec before running");
        }
        return spec;
    }

    final GatehouseCommand root() {
        return GatehouseCommand.of(spec());
    }

    final Output output() {
        return new Output(spec().commandLine().getOut(), json);
    }

    final Environment environment() {
        return root().environment();
    }

    /** @return a usage error for this command, shown with a hint to its help */
    final picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec().commandLine(), message);
    }
}
