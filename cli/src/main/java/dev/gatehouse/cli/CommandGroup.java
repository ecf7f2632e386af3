package dev.gatehouse.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only holds subcommands ({@code user}, {@code group}, …): run alone, it names them. */
abstract class CommandGroup implements Runnable {
    @Spec
    @Nullable CommandSpec spec;

    @Override
    public void run() {
        if (spec == null) {
            throw new IllegalStateException("picocli injects the spec before running");
        }
        throw new ParameterException(spec.commandLine(), "'" + spec.qualifiedName() + "' needs a command: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList()));
    }
}
