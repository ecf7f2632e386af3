package dev.gatehouse.benchmarks;

import dev.gatehouse.security.PasswordHasher;
import dev.gatehouse.security.PasswordPolicy;
import dev.gatehouse.tck.StatementCountingDataSource;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * The benchmark run: generates the {@link World}, loads it into every database and into memory, measures every
 * {@link Task} of every {@link Contender} (a statement-counting probe, then JMH on an idle and on a loaded CPU), and
 * reports. {@link #main(String...)} is what {@code benchmarks/run} starts:
 *
 * <pre>
 * java … dev.gatehouse.benchmarks.BenchmarkSuite M --databases=h2,postgresql \
 *     --document=docs/benchmarks.md --chart=docs/benchmarks-latency.png
 * </pre>
 *
 * PostgreSQL is reached through the kit's variables ({@code GATEHOUSE_POSTGRESQL_URL}, …); each run works in a fresh
 * schema there and in a fresh in-memory H2 database, dropped at the end.
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {}

    /**
     * What to run.
     *
     * @param size the data set's size
     * @param seed the data set's seed
     * @param databases the SQL databases (H2, PostgreSQL)
     * @param timing JMH's iterations
     * @param alsoLoaded whether to measure each benchmark a second time with one core kept busy
     * @param slowCallLimit a call slower than this is measured once, not under JMH; one running ten times as long
     *     is cancelled, and a checkAll estimated to take that long is not run
     * @param progress where progress lines go
     */
    public record Settings(
            DataSize size,
            long seed,
            List<TestDatabase> databases,
            JmhTiming timing,
            boolean alsoLoaded,
            Duration slowCallLimit,
            PrintStream progress) {
        public Settings {
            databases = List.copyOf(databases);
        }
    }

    /**
     * How long loading took, and for in-memory contenders roughly how much heap the loaded data keeps.
     *
     * @param what what was loaded
     * @param where into which database, or {@code memory}
     * @param time how long it took
     * @param heapBytes used heap after minus before (after a GC each), in-memory contenders only
     */
    public record Loading(String what, String where, Duration time, OptionalLong heapBytes) {}

    /**
     * Everything a report needs.
     *
     * @param settings what was run
     * @param world the data set
     * @param machine where it ran
     * @param databaseVersions product and version of each database, by id
     * @param loadings the loading times
     * @param measurements one per contender and task, in the order measured
     */
    public record Results(
            Settings settings,
            World world,
            MachineInfo machine,
            List<String> databaseVersions,
            List<Loading> loadings,
            List<Measurement> measurements) {}

    /** Runs the suite and returns what it measured. */
    public static Results run(Settings settings) throws Exception {
        var progress = settings.progress();
        var world = World.generate(settings.size(), settings.seed());
        progress.println("generated " + world);
        String signInHash = PasswordHasher.create(PasswordPolicy.defaults())
                .hash(world.landmarks().signInPassword());
        var loadings = new ArrayList<Loading>();
        var versions = new ArrayList<String>();
        var entrants = new ArrayList<Measurer.Entrant>();
        var databases = new ArrayList<BenchmarkDatabase>();
        try {
            for (var server : settings.databases()) {
                var database = BenchmarkDatabase.open(server);
                databases.add(database);
                versions.add(database.id() + ": " + database.version());
                entrants.addAll(loadDatabase(world, database, signInHash, loadings, progress));
            }
            entrants.addAll(loadMemory(world, signInHash, loadings, progress));
            var measurer = new Measurer(settings.timing(), settings.alsoLoaded(), settings.slowCallLimit());
            var measurements = new ArrayList<Measurement>();
            var tasks = tasks(settings.size());
            int done = 0;
            for (var task : tasks) {
                for (var entrant : entrants) {
                    var measurement = measurer.measure(task, entrant);
                    measurements.add(measurement);
                    done++;
                    if (measurement.measured()) {
                        progress.printf("[%4d/%d] %s%n", done, tasks.size() * entrants.size(),
                                Report.progressLine(measurement));
                    } else if (measurement.notMeasured().orElseThrow().startsWith(Measurer.FAILED)) {
                        progress.printf("[%4d/%d] %s · %s on %s %s%n", done, tasks.size() * entrants.size(),
                                task.label(), measurement.contender(), measurement.where(),
                                measurement.notMeasured().orElseThrow());
                    }
                }
            }
            return new Results(settings, world, MachineInfo.current(), versions, loadings, measurements);
        } finally {
            databases.forEach(BenchmarkDatabase::close);
        }
    }

    /** @return every task: the operations, then each axis at each of its points */
    static List<Task> tasks(DataSize size) {
        var tasks = new ArrayList<Task>();
        for (var operation : Operation.values()) {
            if (!operation.isAxis()) {
                tasks.add(Task.of(operation));
            }
        }
        World.DEPTH_AXIS.forEach(depth -> tasks.add(new Task(Operation.CHECK_AT_DEPTH, depth)));
        size.groupAxis().forEach(groups -> tasks.add(new Task(Operation.CHECK_WITH_GROUPS, groups)));
        return tasks;
    }

    private static List<Measurer.Entrant> loadDatabase(World world, BenchmarkDatabase database, String signInHash,
            List<Loading> loadings, PrintStream progress) throws Exception {
        var pool = database.dataSource();
        String where = database.id();
        var gatehouseTables = timed(() -> {
            new GatehouseTablesLoader(world, signInHash).load(pool, database.dialect());
            return where;
        });
        loadings.add(new Loading("Gatehouse tables (JDBC batches, closure included)", where,
                gatehouseTables.time(), OptionalLong.empty()));
        progress.println("loaded the Gatehouse tables on " + where + " in " + seconds(gatehouseTables.time()));
        var springTables = timed(() -> {
            new SpringAclTables(world).createAndLoad(pool, database.dialect());
            return where;
        });
        loadings.add(new Loading("Spring Security ACL tables (JDBC batches)", where, springTables.time(),
                OptionalLong.empty()));
        progress.println("loaded the Spring ACL tables on " + where + " in " + seconds(springTables.time()));

        var entrants = new ArrayList<Measurer.Entrant>();
        var floorCounter = new StatementCountingDataSource(pool);
        Optional<Runnable> cancel = Optional.of(database::cancelRunningStatements);
        entrants.add(new Measurer.Entrant(new FloorContender(where, pool, world),
                new FloorContender(where, floorCounter, world), Optional.of(floorCounter), cancel));
        for (var backend : Backends.all()) {
            if (backend instanceof Backend.OverSql(String name, var open)) {
                var counter = new StatementCountingDataSource(pool);
                entrants.add(new Measurer.Entrant(
                        new GatehouseContender(name, where, world, open.apply(pool), Optional.empty()),
                        new GatehouseContender(name, where, world, open.apply(counter), Optional.empty()),
                        Optional.of(counter), cancel));
            }
        }
        for (boolean cached : List.of(false, true)) {
            var counter = new StatementCountingDataSource(pool);
            entrants.add(new Measurer.Entrant(
                    new SpringAclContender(where, pool, database.dialect(), world, cached),
                    new SpringAclContender(where, counter, database.dialect(), world, cached),
                    Optional.of(counter), cancel));
        }
        return entrants;
    }

    private static List<Measurer.Entrant> loadMemory(World world, String signInHash, List<Loading> loadings,
            PrintStream progress) throws Exception {
        var entrants = new ArrayList<Measurer.Entrant>();
        for (var backend : Backends.all()) {
            if (backend instanceof Backend.InMemory(String name, var create)) {
                if (world.size() == DataSize.L) {
                    progress.println("not loading " + name + " at size L: a store that scans lists would take "
                            + "minutes per call, and they cannot be cancelled");
                    continue;
                }
                var store = timed(() -> {
                    var created = create.get();
                    StoreSpiLoader.load(world, created, signInHash);
                    return created;
                });
                loadings.add(new Loading(name + " (through the store SPI)", "memory", store.time(),
                        store.heapBytes()));
                progress.println("loaded " + name + " in " + seconds(store.time()));
                var listingSkipped = Optional.of("not run: the reference store scans every grant for every "
                        + "candidate (resources × grants), minutes even at size S");
                var contender = new GatehouseContender(name, "memory", world, store.value(), listingSkipped);
                entrants.add(new Measurer.Entrant(contender, contender, Optional.empty(), Optional.empty()));
            }
        }
        var casbin = timed(() -> JCasbinContender.load(world));
        loadings.add(new Loading("jcasbin (model, policies, role links)", "memory", casbin.time(),
                casbin.heapBytes()));
        progress.println("loaded jcasbin in " + seconds(casbin.time()));
        entrants.add(new Measurer.Entrant(casbin.value(), casbin.value(), Optional.empty(), Optional.empty()));
        return entrants;
    }

    private record Timed<T>(T value, Duration time, OptionalLong heapBytes) {}

    /** Runs a loader, timing it and measuring the heap its result keeps (used heap after a GC, after minus before). */
    private static <T> Timed<T> timed(Callable<T> loader) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        T value = loader.call();
        var time = Duration.ofNanos(System.nanoTime() - start);
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        return new Timed<>(value, time, OptionalLong.of(Math.max(0, after - before)));
    }

    private static String seconds(Duration time) {
        return String.format(java.util.Locale.ROOT, "%.1f s", time.toMillis() / 1_000.0);
    }

    /**
     * {@code BenchmarkSuite S|M|L [--databases=h2,postgresql] [--document=FILE] [--chart=FILE] [--seed=N]
     * [--timing=WARMUP,ITERATIONS,MILLIS] [--idle-only]}: runs the suite, prints the results table and the goals,
     * and writes the document (with the chart beside it) when asked.
     */
    public static void main(String... args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("org.jboss.logging.provider", "slf4j"); // Hibernate's INFO lines go to slf4j-nop
        if (args.length == 0) {
            System.err.println("usage: BenchmarkSuite S|M|L [--databases=h2,postgresql] [--document=FILE] "
                    + "[--chart=FILE] [--seed=N] [--timing=WARMUP,ITERATIONS,MILLIS] [--idle-only]");
            System.exit(2);
        }
        var size = DataSize.parse(args[0]);
        String databaseIds = "h2,postgresql";
        Optional<Path> document = Optional.empty();
        Optional<Path> chart = Optional.empty();
        long seed = World.DEFAULT_SEED;
        var timing = JmhTiming.forSize(size);
        boolean alsoLoaded = true;
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--databases" -> databaseIds = value;
                case "--document" -> document = Optional.of(Path.of(value));
                case "--chart" -> chart = Optional.of(Path.of(value));
                case "--seed" -> seed = Long.parseLong(value);
                case "--timing" -> {
                    String[] parts = value.split(",");
                    timing = new JmhTiming(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                            Duration.ofMillis(Long.parseLong(parts[2])));
                }
                case "--idle-only" -> alsoLoaded = false;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        var databases = Arrays.stream(databaseIds.split(","))
                .filter(id -> !id.isBlank())
                .map(id -> TestDatabases.configured(TestDatabase.Kind.byId(id)))
                .toList();
        var settings = new Settings(size, seed, databases, timing, alsoLoaded, slowCallLimit(size), System.err);
        var results = run(settings);
        var report = new Report(results);
        System.out.println(report.resultsTable());
        System.out.println();
        System.out.println(report.goalsTable());
        if (chart.isPresent()) {
            LatencyChart.write(results, chart.get());
        }
        if (document.isPresent()) {
            Path documentFile = document.get();
            String chartLink = chart.map(file -> documentFile.toAbsolutePath().getParent()
                    .relativize(file.toAbsolutePath()).toString()).orElse("");
            Files.writeString(documentFile, report.document(chartLink));
            System.err.println("wrote " + documentFile + chart.map(file -> " and " + file).orElse(""));
        }
    }

    /** @return how slow one call may be and still be repeated under JMH */
    static Duration slowCallLimit(DataSize size) {
        return switch (size) {
            case S -> Duration.ofSeconds(1);
            case M -> Duration.ofSeconds(2);
            case L -> Duration.ofSeconds(10);
        };
    }
}
