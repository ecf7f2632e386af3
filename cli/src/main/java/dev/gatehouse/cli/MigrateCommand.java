package dev.gatehouse.cli;

import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse migrate}: creates or upgrades the Gatehouse tables. */
@Command(name = "migrate", description = {
    "Create or upgrade the Gatehouse tables in the database; running it again changes nothing.",
    "The default embedded database is migrated on first use; a database named with --url needs this once."})
final class MigrateCommand implements Callable<Integer> {
    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        if (spec == null) {
            throw new IllegalStateException("picocli injects the spec before running");
        }
        try (var database = GatehouseCommand.of(spec).openDatabase()) {
            var result = database.migrate();
            var fields = new LinkedHashMap<String, Object>();
            fields.put("database", result.dialect().productName());
            fields.put("previousVersion", result.previousVersion());
            fields.put("version", result.currentVersion());
            fields.put("applied", result.applied());
            new Output(spec.commandLine().getOut(), json).done(result.changed()
                    ? "migrated the Gatehouse schema on " + result.dialect().productName() + " from "
                            + result.previousVersion().map(version -> "version " + version).orElse("nothing")
                            + " to version " + result.currentVersion()
                    : "the Gatehouse schema on " + result.dialect().productName() + " is up to date at version "
                            + result.currentVersion(), fields);
            return ExitCode.OK;
        }
    }
}
