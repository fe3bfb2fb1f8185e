package dev.kehu.crm.assignment;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.security.TeamId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Short ways to write reps, items and loads in tests. */
final class Fixtures {
    static final TeamId EAST = new TeamId("east");
    static final TeamId WEST = new TeamId("west");

    private Fixtures() {
    }

    static UserId user(String id) {
        return new UserId(id);
    }

    /** An active, present member of the east team who covers nothing and has no cap. */
    static Rep rep(String user) {
        return new Rep(new SalesRep(user(user), Set.of(EAST), true, false, Set.of(), Set.of(), Set.of(), null));
    }

    static List<SalesRep> reps(Rep... reps) {
        return Arrays.stream(reps).map(Rep::build).toList();
    }

    /** A fluent copy-and-change of a rep. */
    record Rep(SalesRep rep) {
        Rep teams(TeamId... teams) {
            return new Rep(new SalesRep(rep.user(), Set.of(teams), rep.active(), rep.absent(), rep.territories(),
                    rep.industries(), rep.sources(), rep.cap()));
        }

        Rep inactive() {
            return new Rep(new SalesRep(rep.user(), rep.teams(), false, rep.absent(), rep.territories(),
                    rep.industries(), rep.sources(), rep.cap()));
        }

        Rep absent() {
            return new Rep(new SalesRep(rep.user(), rep.teams(), rep.active(), true, rep.territories(),
                    rep.industries(), rep.sources(), rep.cap()));
        }

        Rep cap(Integer cap) {
            return new Rep(new SalesRep(rep.user(), rep.teams(), rep.active(), rep.absent(), rep.territories(),
                    rep.industries(), rep.sources(), cap));
        }

        Rep territories(String... codes) {
            return new Rep(new SalesRep(rep.user(), rep.teams(), rep.active(), rep.absent(), Set.of(codes),
                    rep.industries(), rep.sources(), rep.cap()));
        }

        Rep industries(String... codes) {
            return new Rep(new SalesRep(rep.user(), rep.teams(), rep.active(), rep.absent(), rep.territories(),
                    Set.of(codes), rep.sources(), rep.cap()));
        }

        Rep sources(String... codes) {
            return new Rep(new SalesRep(rep.user(), rep.teams(), rep.active(), rep.absent(), rep.territories(),
                    rep.industries(), Set.of(codes), rep.cap()));
        }

        SalesRep build() {
            return rep;
        }
    }

    /** An item worth 1,000 CNY weighted, with no territory, industry or source. */
    static WorkItem item(String id) {
        return item(id, "1000");
    }

    static WorkItem item(String id, String weightedCny) {
        return new WorkItem(id, null, null, null, Money.of(weightedCny, "CNY"));
    }

    static WorkItem item(String id, String territory, String industry, String source) {
        return new WorkItem(id, territory, industry, source, Money.of("1000", "CNY"));
    }

    /** {@code count} items o0001, o0002… */
    static List<WorkItem> items(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> item(String.format("o%04d", i))).toList();
    }

    static Workload noLoad() {
        return Workload.none(Money.CNY);
    }

    /** Open counts as "user", count, "user", count…, with no weighted amounts. */
    static Workload openCounts(Object... userAndCount) {
        Map<UserId, Integer> counts = new HashMap<>();
        for (int i = 0; i < userAndCount.length; i += 2) counts.put(user((String) userAndCount[i]), (Integer) userAndCount[i + 1]);
        return new Workload(Money.CNY, counts, Map.of());
    }

    /** The rep of each assigned item, in batch order, as user ids. */
    static List<String> chosen(AssignmentPlan plan) {
        return plan.assigned().stream().map(a -> a.rep().value()).toList();
    }

    /** How many items each rep got. */
    static Map<String, Long> countsPerRep(AssignmentPlan plan) {
        return plan.assigned().stream().collect(Collectors.groupingBy(a -> a.rep().value(), Collectors.counting()));
    }

    /** The reason of each unassigned item, in batch order. */
    static List<String> reasons(AssignmentPlan plan) {
        return plan.unassigned().stream().map(AssignmentPlan.Unassigned::reason).toList();
    }
}
