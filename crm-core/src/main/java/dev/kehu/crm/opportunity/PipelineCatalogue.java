package dev.kehu.crm.opportunity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipelines a company sells through (O3), e.g. one per product line; the first is the default for new
 * opportunities. Configuration, given to {@code Kehu.builder().pipelines(…)}: a stored opportunity names its
 * pipeline by id, so a pipeline may gain stages but should keep the codes of the stages in use.
 */
public final class PipelineCatalogue {
    private final Map<PipelineId, Pipeline> pipelines;

    private PipelineCatalogue(List<Pipeline> pipelines) {
        if (pipelines.isEmpty()) throw new IllegalArgumentException("at least one pipeline is needed");
        Map<PipelineId, Pipeline> byId = new LinkedHashMap<>();
        for (Pipeline p : pipelines) {
            if (byId.put(p.id(), p) != null) throw new IllegalArgumentException("two pipelines have the id " + p.id());
        }
        this.pipelines = byId;
    }

    public static PipelineCatalogue of(Pipeline defaultPipeline, Pipeline... others) {
        List<Pipeline> all = new java.util.ArrayList<>();
        all.add(defaultPipeline);
        all.addAll(List.of(others));
        return new PipelineCatalogue(all);
    }

    /** Only {@link Pipeline#standard()}: the seven stages of O3. */
    public static PipelineCatalogue standard() {
        return of(Pipeline.standard());
    }

    public Pipeline defaultPipeline() {
        return pipelines.values().iterator().next();
    }

    public Optional<Pipeline> find(PipelineId id) {
        return Optional.ofNullable(pipelines.get(id));
    }

    /** The pipeline of a stored record; one missing from the configuration is a configuration error. */
    public Pipeline of(PipelineId id) {
        return find(id).orElseThrow(() -> new IllegalStateException(
                "pipeline " + id + " is in use but not configured: pass it to Kehu.builder().pipelines(...)"));
    }

    public List<Pipeline> all() {
        return List.copyOf(pipelines.values());
    }
}
