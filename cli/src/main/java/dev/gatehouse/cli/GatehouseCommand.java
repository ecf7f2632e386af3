package dev.gatehouse.cli;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code gatehouse} command: the database options, and every command as a subcommand. */
@Command(
        name = "gatehouse",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = GatehouseCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Users, groups, resource trees, permissions, roles and ACLs, on an embedded H2 file by default.",
            "Start with: gatehouse demo"
        },
        footerHeading = "%n",
        footer = {
            "Database options come before the command: gatehouse --url jdbc:postgresql://db/app --user app --password user list",
            "Environment: GATEHOUSE_URL, GATEHOUSE_USER and GATEHOUSE_PASSWORD stand in for --url, --user and --password.",
            "Exit codes: 0 done (check: allowed), 1 denied, 2 bad usage or input, 3 the command could not be done."
        },
        subcommands = {
            MigrateCommand.class,
            UserCommands.class,
            GroupCommands.class,
            ResourceCommands.class,
            GrantCommands.Give.class,
            GrantCommands.Revoke.class,
            AclCommands.class,
            CheckCommand.class,
            ListCommand.class,
            WhoCommand.class,
            RolesCommand.class,
            ImportCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
final class GatehouseCommand implements Runnable {
    private final Environment environment;

    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--url", paramLabel = "JDBC-URL", description = {
        "The database (PostgreSQL, MariaDB, H2), migrated with 'gatehouse migrate'.",
        "Default: the H2 file ./" + Database.DEFAULT_DIRECTORY + "/gatehouse, created and migrated on first use."})
    @Nullable String url;

    @Option(names = "--user", paramLabel = "NAME", description = "The database user.")
    @Nullable String user;

    @Option(names = "--password", description = "Ask for the database password, without echo.")
    boolean askPassword;

    @Option(names = "--backend", paramLabel = "NAME", converter = BackendConverter.class,
            defaultValue = Backend.DEFAULT_NAME,
            completionCandidates = BackendNames.class,
            description = "The store implementation: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Backend backend = Backend.fromCliName(Backend.DEFAULT_NAME);

    GatehouseCommand(Environment environment) {
        this.environment = environment;
    }

    /** @return the command line over {@code environment}, with Gatehouse's error handling */
    static CommandLine commandLine(Environment environment) {
        var commandLine = new CommandLine(new GatehouseCommand(environment));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new ErrorHandler());
        return commandLine;
    }

    /** @return the root command of the command line {@code spec} belongs to */
    static GatehouseCommand of(CommandSpec spec) {
        return (GatehouseCommand) spec.root().userObject();
    }

    @Override
    public void run() {
        spec().commandLine().usage(spec().commandLine().getOut());
    }

    Environment environment() {
        return environment;
    }

    Backend backend() {
        return backend;
    }

    /** Opens the database the options name; the embedded default is created and migrated if needed. */
    Database openDatabase() {
        var password = askPassword
                ? Optional.of(environment.terminal().readPassword("database password: ").orElseThrow(
                        () -> new CommandLine.ParameterException(spec().commandLine(),
                                "no terminal to ask for the database password on: set "
                                        + Environment.PASSWORD_VARIABLE)))
                : environment.variable(Environment.PASSWORD_VARIABLE).map(String::toCharArray);
        return Database.open(
                Optional.ofNullable(url).or(() -> environment.variable(Environment.URL_VARIABLE)),
                Optional.ofNullable(user).or(() -> environment.variable(Environment.USER_VARIABLE)),
                password,
                environment.workingDirectory());
    }

    Session openSession() {
        return Session.open(openDatabase(), backend);
    }

    private CommandSpec spec() {
        if (spec == null) {
            throw new IllegalStateException("picocli injects the spec before running");
        }
        return spec;
    }

    /** Reads {@code --backend jdbi}. */
    static final class BackendConverter implements CommandLine.ITypeConverter<Backend> {
        @Override
        public Backend convert(String value) {
            try {
                return Backend.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The backend names, for the help text. */
    static final class BackendNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(Backend.values()).map(Backend::cliName).iterator();
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var version = Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("(development)");
            return new String[] {"gatehouse " + version, "Java " + Runtime.version()};
        }
    }
}
