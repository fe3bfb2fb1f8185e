package dev.kehu.crm.examples.bench;

import dev.kehu.crm.opportunity.Pipeline;
import dev.kehu.crm.opportunity.Stage;
import java.util.List;

/**
 * The moves of the stage-move workload, the same for every implementation: an open opportunity in one of the
 * first five stages of the standard pipeline moves one stage on, and from the fifth (tender) one back, with a
 * note. None of these stages has an entry criterion, so each move is allowed and the next one is too.
 */
public final class StageMoves {
    static final Pipeline PIPELINE = Pipeline.standard();
    /** The stages the workload moves between: initial contact to tender. */
    public static final List<String> STAGES = PIPELINE.stages().subList(0, 5).stream().map(Stage::code).toList();
    static final String BACK_NOTE = "客户要求重新评估";

    private StageMoves() {
    }

    /** The index of the stage to move to from {@code from} among {@code count} stages, or -1 for none. */
    public static int target(int from, int count) {
        if (from < 0 || from >= count) return -1;
        return from == count - 1 ? from - 1 : from + 1;
    }

    public static int defaultProbability(String stage) {
        return PIPELINE.stage(stage).orElseThrow().defaultProbability().percent();
    }

    /** The note a move to {@code to} from {@code from} needs: only a move back has one. */
    public static String note(int from, int to) {
        return to < from ? BACK_NOTE : null;
    }
}
