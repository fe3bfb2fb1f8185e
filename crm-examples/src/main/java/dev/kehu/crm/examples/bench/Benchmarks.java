package dev.kehu.crm.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * The benchmark runner: makes the dataset, runs every workload on Kehu and its baselines, checks each of Kehu's
 * workloads in a child JVM with a 64 MB heap, then writes the figures as JSON and prints them with the ratios. It
 * exits 1 when the JSON it wrote lacks a workload or a figure.
 *
 * <pre>
 * Benchmarks [--profile=ci|full|smoke] [--store=h2|h2-mem|postgresql] [--out=FILE] [--dir=DIR] [--name=NAME]
 * Benchmarks --check=FILE      exits 1 unless the JSON has every workload with its figures
 * Benchmarks --prepare [--profile=…]   only makes the profile's dataset file (the first run would make it anyway)
 * </pre>
 *
 * {@code --name} is the H2 file or the PostgreSQL schema the run owns and empties (default {@code kehu_bench}).
 */
public final class Benchmarks {
    private final Profile profile;
    private final BenchDatabase.Kind kind;
    private final Path dir;
    private final String name;
    private final PrintStream out;

    Benchmarks(Profile profile, BenchDatabase.Kind kind, Path dir, String name, PrintStream out) {
        this.profile = profile;
        this.kind = kind;
        this.dir = dir;
        this.name = name;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Map<String, String> options = options(args);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (options.containsKey("check")) {
            List<String> problems = Results.problems(Results.read(Path.of(options.get("check"))));
            problems.forEach(p -> out.println("missing: " + p));
            out.println(problems.isEmpty() ? "every workload has its figures" : problems.size() + " problems");
            System.exit(problems.isEmpty() ? 0 : 1);
        }
        Profile profile = Profile.of(options.getOrDefault("profile", "ci"));
        BenchDatabase.Kind kind = BenchDatabase.Kind.of(options.getOrDefault("store", "h2"));
        Path dir = Path.of(options.getOrDefault("dir", "target/bench"));
        Benchmarks benchmarks = new Benchmarks(profile, kind, dir, options.getOrDefault("name", "kehu_bench"), out);
        if (options.containsKey("prepare")) {
            out.println("dataset: " + benchmarks.dataset().ensure());
            return;
        }
        if (options.containsKey("heap-child")) {
            benchmarks.heapChild(options.get("heap-child"));
            return;
        }
        Path file = Path.of(options.getOrDefault("out", dir.resolve("results-" + profile.name() + "-" + kind.label()
                + ".json").toString()));
        Results results = benchmarks.run();
        results.write(file);
        results.print(out);
        out.println("figures written to " + file.toAbsolutePath());
        // What CI checks: the file just written has every workload with its figures.
        List<String> problems = Results.problems(Results.read(file));
        problems.forEach(p -> out.println("missing: " + p));
        if (!problems.isEmpty()) System.exit(1);
    }

    /** Runs every workload; then the small-heap checks in child JVMs. */
    Results run() throws RunnerException, IOException, InterruptedException {
        Results results = new Results(profile, kind, machine());
        DatasetCache dataset = dataset();
        DatasetGenerator.Written written = dataset.ensure();
        if (kind == BenchDatabase.Kind.H2) dataset.copyFileTo(dir.resolve(name));
        try (BenchDatabase database = BenchDatabase.open(kind, dir, name, kind != BenchDatabase.Kind.H2, 4);
             Workloads workloads = new Workloads(profile, database, true)) {
            if (kind != BenchDatabase.Kind.H2) dataset.copyRowsTo(database);
            out.printf("dataset on %s: %s; %,d stage-history lines%n", kind.label(), profile.dataset(),
                    written.stageChanges());
            out.println("1. bulk import");
            results.add(workloads.bulkImport());
            out.println("2. stage moves");
            workloads.stageMoves().forEach(results::add);
            out.println("3. funnel, forecast, care run, phone look-up");
            results.add(workloads.funnel());
            results.add(workloads.forecast());
            results.add(workloads.careRun());
            results.add(workloads.phoneLookup());
        }
        out.println("4. pure rules (JMH)");
        rules().forEach(results::add);
        out.println("5. each workload with -Xmx" + HeapCheck.MAX_HEAP_MB + "m");
        for (String workload : Results.HEAP_WORKLOADS) results.add(heapCheck(workload));
        return results;
    }

    /** JMH's own report goes to {@code jmh.log} beside the JSON; the figures come into the run's table. */
    private List<Measurement> rules() throws RunnerException, IOException {
        Files.createDirectories(dir);
        Options options = new OptionsBuilder().include(RulesBenchmark.class.getName() + ".")
                .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)
                .forks(profile.jmhForks()).warmupIterations(profile.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(profile.jmhMillis()))
                .measurementIterations(profile.jmhIterations())
                .measurementTime(TimeValue.milliseconds(profile.jmhMillis()))
                .shouldFailOnError(true).output(dir.resolve("jmh.log").toString()).build();
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult result : new Runner(options).run()) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String workload = "rules." + method.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            measurements.add(new Measurement(workload, "ops/s", true,
                    new Figure(result.getPrimaryResult().getScore(), null), Map.of(), Map.of(),
                    result.getPrimaryResult().getSampleCount(), "JMH throughput, "
                            + (workload.equals("rules.assignment") ? RulesBenchmark.BATCH + " opportunities to "
                            + RulesBenchmark.MANAGERS + " managers per operation" : "one check per operation")));
        }
        measurements.sort(java.util.Comparator.comparing(m -> Results.WORKLOADS.indexOf(m.workload())));
        return measurements;
    }

    /** Runs Kehu's side of {@code workload} in a child JVM with a 64 MB heap. */
    HeapCheck heapCheck(String workload) throws IOException, InterruptedException {
        Path log = dir.resolve("heap-" + workload + ".log");
        Files.createDirectories(dir);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HeapCheck.MAX_HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), Benchmarks.class.getName(), "--heap-child=" + workload,
                "--profile=" + profile.name(), "--store=" + kind.label(), "--dir=" + dir, "--name=" + name);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(15, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            return new HeapCheck(workload, HeapCheck.MAX_HEAP_MB, false, null, "did not finish in 15 minutes");
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Double peak = lines.stream().filter(l -> l.startsWith(HeapCheck.PEAK_LINE))
                .map(l -> Long.parseLong(l.substring(HeapCheck.PEAK_LINE.length())) / (1024.0 * 1024.0))
                .findFirst().orElse(null);
        boolean passed = child.exitValue() == 0 && peak != null;
        String message = passed ? null : "exit " + child.exitValue() + ": "
                + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)) + " (see " + log + ")";
        out.printf("   %-14s %s%n", workload, passed ? String.format("passed, peak %.1f MB", peak) : "FAILED " + message);
        return new HeapCheck(workload, HeapCheck.MAX_HEAP_MB, passed, peak, message);
    }

    /** In the child: opens the run's database (or, in memory, makes the dataset), runs the workload, prints the peak. */
    void heapChild(String workload) {
        try (BenchDatabase database = BenchDatabase.open(kind, dir, name, kind.inHeap(), 2);
             Workloads workloads = new Workloads(profile, database, false)) {
            if (kind.inHeap()) dataset().copyRowsTo(database);
            // The heap in use, sampled every millisecond while the workload runs: the pools' own peaks are reached
            // at different times, so their sum would overstate it.
            System.gc();
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    LockSupport.parkNanos(1_000_000);
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            workloads.runKehuOnly(workload);
            sampler.interrupt();
            out.println(HeapCheck.PEAK_LINE + peak.get());
        }
    }

    /** The dataset of the run's profile, kept in {@code <dir>/dataset} from one run to the next. */
    private DatasetCache dataset() {
        return new DatasetCache(dir.resolve("dataset"), new DatasetGenerator(Workloads.SEED, profile.dataset()), out);
    }

    private static Map<String, String> machine() throws IOException {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> machine.put("cpu", l.substring(l.indexOf(':') + 1).strip()));
        }
        machine.put("memoryGb", String.valueOf(Math.round(((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1e9)));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("maxHeapMb", String.valueOf(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        return machine;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        // -Dbench.args comes as one argument, empty or with options separated by spaces
        for (String arg : String.join(" ", args).strip().split("\\s+")) {
            if (arg.isEmpty()) continue;
            if (!arg.startsWith("--")) throw new IllegalArgumentException("not an option: " + arg);
            int equals = arg.indexOf('=');
            options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "" : arg.substring(equals + 1));
        }
        return options;
    }

    /** Hibernate, Flyway and the pool log at INFO; the run's own output is the report. */
    private static void quietLogging() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        for (String logger : List.of("org.hibernate", "org.flywaydb", "com.zaxxer.hikari", "dev.kehu")) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
        }
    }
}
