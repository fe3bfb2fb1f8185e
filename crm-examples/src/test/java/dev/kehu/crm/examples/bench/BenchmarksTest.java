package dev.kehu.crm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kehu.crm.examples.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness runs every workload at the smallest size and its JSON has every figure; the figures themselves are
 * not checked, as timing is never asserted.
 */
class BenchmarksTest {

    @Test
    @DisplayName("a run on H2 yields every workload with Kehu's figure, each baseline's, the ratios and the heap checks")
    void runsOnH2(@TempDir Path dir) throws Exception {
        JsonNode json = run(BenchDatabase.Kind.H2, dir, "bench-test");
        assertThat(Results.problems(json)).isEmpty();
        assertThat(json.path("dataset").path("opportunities").asInt()).isEqualTo(1_000);
        assertThat(json.path("heap")).allSatisfy(check -> assertThat(check.path("passed").asBoolean())
                .as(check.toString()).isTrue());
    }

    @Test
    @DisplayName("a run on PostgreSQL, in a schema of its own, yields every workload with its figures")
    void runsOnPostgres(@TempDir Path dir) throws Exception {
        assumeTrue(TestPostgres.reachable(), "no PostgreSQL at " + BenchDatabase.postgresUrl());
        JsonNode json = run(BenchDatabase.Kind.POSTGRESQL, dir, "kehu_bench_test");
        assertThat(Results.problems(json)).isEmpty();
    }

    @Test
    @DisplayName("the check names a missing workload, a missing baseline figure and a heap check without outcome")
    void checkFindsWhatIsMissing() {
        Results results = new Results(Profile.SMOKE, BenchDatabase.Kind.H2, java.util.Map.of("cores", "2"));
        results.add(new Measurement("import", "rows/s", true, new Figure(10, null),
                java.util.Map.of("jdbc", new Figure(20, null)), java.util.Map.of("jdbc", 0.8), 60, "note"));
        results.add(new HeapCheck("rules", 64, true, 30.0, null));
        ObjectNode json = results.toJson();
        ((ObjectNode) json.path("workloads").get(0).path("baselines").path("jdbc")).remove("value");
        ((ObjectNode) json.path("heap").get(0)).remove("passed");

        assertThat(Results.problems(json)).contains("no workload funnel", "import: no figure for jdbc",
                "heap check of rules: no outcome", "no heap check of import");
        assertThat(json.path("workloads").get(0).path("speedRatios").path("jdbc").path("ratio").asDouble())
                .isEqualTo(0.5);
        assertThat(json.path("workloads").get(0).path("speedRatios").path("jdbc").path("met").asBoolean()).isFalse();
    }

    private static JsonNode run(BenchDatabase.Kind kind, Path dir, String name) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Results results = new Benchmarks(Profile.SMOKE, kind, dir, name,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        Path file = dir.resolve("results.json");
        results.write(file);
        return Results.read(file);
    }
}
