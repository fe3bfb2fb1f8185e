package dev.kehu.crm.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's figures: written as JSON, so runs can be compared, and printed as a table with the ratios. The JSON
 * has, per workload, Kehu's figure, each baseline's, Kehu's speed ratio to each baseline (above 1: Kehu is
 * faster) with its target, the unit and the dataset; and per workload the small-heap check.
 */
public final class Results {
    /** Every workload a run measures; {@link #problems} checks each is there with its figures. */
    public static final List<String> WORKLOADS = List.of("rules.stage-transition-check", "rules.probability",
            "rules.assignment", "import", "stage-move.1-thread", "stage-move.2-threads", "funnel", "forecast",
            "care-run", "phone-lookup");
    /** The workloads checked under a small heap. */
    public static final List<String> HEAP_WORKLOADS = List.of("rules", "import", "stage-move", "funnel", "forecast",
            "care-run", "phone-lookup");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Profile profile;
    private final BenchDatabase.Kind store;
    private final Map<String, String> machine;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<HeapCheck> heapChecks = new ArrayList<>();

    Results(Profile profile, BenchDatabase.Kind store, Map<String, String> machine) {
        this.profile = profile;
        this.store = store;
        this.machine = machine;
    }

    void add(Measurement measurement) {
        measurements.add(measurement);
    }

    void add(HeapCheck check) {
        heapChecks.add(check);
    }

    ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", profile.name());
        root.put("store", store.label());
        DatasetSize size = profile.dataset();
        ObjectNode dataset = root.putObject("dataset");
        dataset.put("factor", size.factor());
        dataset.put("customers", size.customers());
        dataset.put("individuals", size.individuals());
        dataset.put("contacts", size.contacts());
        dataset.put("opportunities", size.opportunities());
        dataset.put("activities", size.activities());
        ObjectNode machineNode = root.putObject("machine");
        machine.forEach(machineNode::put);
        ArrayNode workloads = root.putArray("workloads");
        for (Measurement m : measurements) {
            ObjectNode w = workloads.addObject();
            w.put("workload", m.workload());
            w.put("store", store.label());
            w.put("unit", m.unit());
            w.put("higherIsBetter", m.higherIsBetter());
            w.put("operations", m.operations());
            w.put("datasetOpportunities", size.opportunities());
            figure(w.putObject("kehu"), m.kehu());
            ObjectNode baselines = w.putObject("baselines");
            m.baselines().forEach((name, figure) -> figure(baselines.putObject(name), figure));
            ObjectNode ratios = w.putObject("speedRatios");
            for (String name : m.baselines().keySet()) {
                ObjectNode ratio = ratios.putObject(name);
                ratio.put("ratio", m.speedRatio(name));
                if (m.targets().containsKey(name)) {
                    ratio.put("target", m.targets().get(name));
                    ratio.put("met", m.meetsTarget(name));
                }
            }
            w.put("note", m.note());
        }
        ArrayNode heap = root.putArray("heap");
        for (HeapCheck check : heapChecks) {
            ObjectNode h = heap.addObject();
            h.put("workload", check.workload());
            h.put("maxHeapMb", check.maxHeapMb());
            h.put("passed", check.passed());
            if (check.peakMb() != null) h.put("peakMb", check.peakMb());
            if (check.message() != null) h.put("message", check.message());
        }
        return root;
    }

    private static void figure(ObjectNode node, Figure figure) {
        node.put("value", figure.value());
        if (figure.p99() != null) node.put("p99", figure.p99());
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void print(PrintStream out) {
        out.printf("%nKehu benchmarks — profile %s, store %s, %s%n", profile.name(), store.label(), profile.dataset());
        out.printf("%-30s %-6s %24s %24s   %s%n", "workload", "unit", "Kehu", "baseline", "Kehu's speed ÷ baseline's (target)");
        for (Measurement m : measurements) {
            boolean first = true;
            if (m.baselines().isEmpty()) out.printf("%-30s %-6s %24s%n", m.workload(), m.unit(), format(m.kehu()));
            for (String name : m.baselines().keySet()) {
                Double target = m.targets().get(name);
                out.printf("%-30s %-6s %24s %24s   %-9s %6.2f× %s%n", first ? m.workload() : "", first ? m.unit() : "",
                        first ? format(m.kehu()) : "", format(m.baselines().get(name)), name, m.speedRatio(name),
                        target == null ? "" : String.format("(≥ %.2f: %s)", target, m.meetsTarget(name) ? "met" : "missed"));
                first = false;
            }
        }
        for (HeapCheck check : heapChecks) {
            out.printf("heap %-25s -Xmx%dm %s%s%n", check.workload(), check.maxHeapMb(), check.passed() ? "passed" : "FAILED",
                    check.peakMb() == null ? "" : String.format(", peak %.1f MB", check.peakMb()));
        }
    }

    private static String format(Figure figure) {
        String value = figure.value() >= 100 ? String.format("%,.0f", figure.value()) : String.format("%.3f", figure.value());
        return figure.p99() == null ? value : value + String.format(" p99 %.3f", figure.p99());
    }

    /** What is missing from a run's JSON: every workload with Kehu's figure and each baseline's, and every heap check. */
    public static List<String> problems(JsonNode root) {
        List<String> problems = new ArrayList<>();
        for (String field : List.of("profile", "store", "dataset", "machine")) {
            if (!root.hasNonNull(field)) problems.add("no " + field);
        }
        for (String workload : WORKLOADS) {
            JsonNode w = find(root.path("workloads"), workload);
            if (w == null) {
                problems.add("no workload " + workload);
                continue;
            }
            if (!w.path("kehu").path("value").isNumber()) problems.add(workload + ": no figure for Kehu");
            if (!w.path("unit").isTextual()) problems.add(workload + ": no unit");
            w.path("baselines").fields().forEachRemaining(b -> {
                if (!b.getValue().path("value").isNumber()) problems.add(workload + ": no figure for " + b.getKey());
                if (!w.path("speedRatios").path(b.getKey()).path("ratio").isNumber()) {
                    problems.add(workload + ": no ratio to " + b.getKey());
                }
            });
            if (!workload.startsWith("rules.") && w.path("baselines").size() == 0) problems.add(workload + ": no baseline");
        }
        for (String workload : HEAP_WORKLOADS) {
            JsonNode h = find(root.path("heap"), workload);
            if (h == null) problems.add("no heap check of " + workload);
            else if (!h.path("passed").isBoolean()) problems.add("heap check of " + workload + ": no outcome");
            else if (h.path("passed").asBoolean() && !h.path("peakMb").isNumber()) {
                problems.add("heap check of " + workload + ": no peak");
            }
        }
        return problems;
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode find(JsonNode array, String workload) {
        for (JsonNode node : array) if (workload.equals(node.path("workload").asText())) return node;
        return null;
    }
}
