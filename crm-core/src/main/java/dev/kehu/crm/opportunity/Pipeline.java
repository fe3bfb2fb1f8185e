package dev.kehu.crm.opportunity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Labelled;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A sales pipeline: its stages in order and how opportunities may move between them (O3). A company
 * may define several (one per product line); {@link #standard()} is the documents' seven stages.
 *
 * @param skipForward whether an opportunity may jump more than one stage ahead
 * @param moveBack    whether an opportunity may move back; a move back always needs a note
 */
public record Pipeline(PipelineId id, String zh, String en, List<Stage> stages, boolean skipForward,
                       boolean moveBack) implements Labelled {
    public Pipeline {
        requireNonNull(id, "id");
        requireNonNull(zh, "zh");
        requireNonNull(en, "en");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) throw new IllegalArgumentException("pipeline " + id + " has no stages");
        Set<String> codes = new HashSet<>();
        for (Stage stage : stages) {
            if (!codes.add(stage.code())) {
                throw new IllegalArgumentException("pipeline " + id + " has the stage " + stage.code() + " twice");
            }
        }
    }

    /** The seven stages of the documents (初期沟通 … 合同签约), with their default rules. */
    public static Pipeline standard() {
        return new Pipeline(new PipelineId("standard"), "标准销售流程", "standard sales pipeline", List.of(
                stage("INITIAL_CONTACT", "初期沟通", "initial contact", 10, 10, 20, 30),
                stage("EVALUATION", "立项评估", "project evaluation", 20, 10, 30, 30),
                stage("NEEDS_ANALYSIS", "需求分析", "needs analysis", 30, 20, 40, 30),
                stage("SOLUTION", "方案制定", "solution design", 40, 30, 50, 45),
                stage("TENDER", "招投标/竞争", "tender/competition", 50, 40, 60, 60),
                stage("NEGOTIATION", "商务谈判", "negotiation", 70, 60, 80, 30, EntryCriterion.QUOTE_MADE),
                stage("CONTRACT", "合同签约", "contract signed", 90, 80, 90, 15, EntryCriterion.EXPECTED_AMOUNT)),
                true, true);
    }

    private static Stage stage(String code, String zh, String en, int probability, int lowest, int highest,
                               int staleDays, EntryCriterion... criteria) {
        return new Stage(code, zh, en, Probability.of(probability), Probability.of(lowest), Probability.of(highest),
                Duration.ofDays(staleDays), Set.of(criteria));
    }

    public Stage first() {
        return stages.get(0);
    }

    public Optional<Stage> stage(String code) {
        return stages.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The position of a stage in the pipeline, from 0; -1 when the pipeline has no such stage. */
    public int indexOf(String code) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).code().equals(code)) return i;
        }
        return -1;
    }

    @Override
    public String label(Locale locale) {
        return Labelled.isChinese(locale) ? zh : en;
    }
}
