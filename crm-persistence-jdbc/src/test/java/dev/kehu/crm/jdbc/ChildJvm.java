package dev.kehu.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@link CrashChild} in a JVM of its own, on the test's class path, whose progress lines the test reads as they
 * come: it is killed with SIGKILL once it has reported enough, or left to finish. Its log goes to a file beside the
 * database, for when a test fails.
 */
final class ChildJvm {
    /** Not a measure of speed: only how long a child that hangs may hold up the build before it fails. */
    private static final Duration HANG = Duration.ofMinutes(5);
    /** The exit code of a process killed with SIGKILL (128 + 9). */
    static final int KILLED = 137;
    private static final String END = "\u0000end";

    private final Process process;
    private final Path log;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.reader = new Thread(this::read, "child " + process.pid() + " stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@link CrashChild} with {@code arguments}; its standard error goes to {@code log}. */
    static ChildJvm start(Path log, List<String> arguments) {
        // Surefire may start the tests from a jar whose manifest holds the class path; it names the real one here.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.language=en", "-cp", classPath, CrashChild.class.getName()));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /**
     * Waits until the child has printed {@code count} lines starting with {@code prefix}, then kills it with SIGKILL
     * and returns everything it printed before it died.
     */
    List<String> killAfter(String prefix, int count) throws InterruptedException {
        int seen = 0;
        while (seen < count) {
            String line = next();
            assertThat(line).as("the child ended after %d of the %d lines %s it was to print before the kill; "
                    + "its log: %s; its output: %s", seen, count, prefix, log, lines).isNotEqualTo(END);
            if (line.startsWith(prefix)) seen++;
        }
        process.destroyForcibly();
        assertThat(process.waitFor(HANG.toSeconds(), TimeUnit.SECONDS)).as("the child died").isTrue();
        drain();
        assertThat(process.exitValue()).as("the child's exit code: killed by SIGKILL").isEqualTo(KILLED);
        assertThat(lines).as("the child was killed before it finished").doesNotContain(CrashChild.DONE);
        return List.copyOf(lines);
    }

    /** Waits for the child to finish its work and exit normally; returns everything it printed. */
    List<String> finish() throws InterruptedException {
        drain();
        assertThat(process.waitFor(HANG.toSeconds(), TimeUnit.SECONDS)).as("the child finished in time").isTrue();
        if (process.exitValue() != 0 && h2CouldNotReopen()) {
            // Not Kehu's to fix, and not to be passed either: the run is reported as aborted, with the reason.
            Assumptions.abort("H2 could not open its file after the kill (MVStoreException \"Double mark\", H2's "
                    + "open defect h2database#2752; see docs/reliability.md); its log: " + log);
        }
        assertThat(process.exitValue()).as("the child's exit code; its log: %s; its output: %s", log, lines).isZero();
        assertThat(lines).as("the child finished its work").contains(CrashChild.DONE);
        return List.copyOf(lines);
    }

    /** Whether the child failed because H2's store could not read its own file back (a known H2 defect). */
    private boolean h2CouldNotReopen() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains("MVStoreException: Double mark");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the child's lines up to the end of its output. */
    private void drain() throws InterruptedException {
        while (!next().equals(END)) {
            // every line is kept by next()
        }
    }

    private String next() throws InterruptedException {
        String line = queue.poll(HANG.toSeconds(), TimeUnit.SECONDS);
        if (line == null) {
            process.destroyForcibly();
            throw new AssertionError("the child printed nothing for " + HANG + "; its log: " + log + "; its output: "
                    + lines);
        }
        if (!line.equals(END)) lines.add(line);
        return line;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) queue.add(line);
        } catch (IOException e) {
            queue.add("read failed: " + e);
        } finally {
            queue.add(END);
        }
    }
}
