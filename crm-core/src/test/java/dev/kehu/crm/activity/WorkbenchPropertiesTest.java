package dev.kehu.crm.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever activities it is given, a workbench lists exactly the person's open ones due on or before the day. */
class WorkbenchPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UserId PERSON = new UserId("wang.wei");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    record Spec(int owner, long minutes, int status, boolean remind) {
    }

    @Provide
    Arbitrary<List<Spec>> specs() {
        return Combinators.combine(Arbitraries.integers().between(0, 2),
                        Arbitraries.longs().between(0, 10 * 24 * 60), Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false))
                .as(Spec::new).list().ofMaxSize(30);
    }

    private static List<Activity> activities(List<Spec> specs) {
        List<Activity> list = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            Instant due = T0.plus(Duration.ofMinutes(s.minutes()));
            Activity a = Activity.schedule(new ActivityId("a-" + i), new TenantId("t"), ActivityKind.CALL, "call",
                    new CustomerId("c"), null, null, s.owner() == 0 ? PERSON : new UserId("other-" + s.owner()), due,
                    s.remind() ? due.minus(Duration.ofHours(30)) : null, null, T0);
            if (s.status() == 1) a = a.complete("ok", due);
            if (s.status() == 2) a = a.cancel(due);
            list.add(a);
        }
        return list;
    }

    @Property
    void listsEveryOpenActivityOfThePersonDueOnOrBeforeTheDayExactlyOnce(@ForAll("specs") List<Spec> specs) {
        List<Activity> all = activities(specs);
        Workbench w = Workbench.of(PERSON, DAY, ZONE, all, List.of(), Map.of());
        List<Activity> listed = Stream.concat(w.overdue().stream(), w.dueToday().stream()).toList();
        List<Activity> expected = all.stream()
                .filter(a -> a.owner().equals(PERSON) && a.status() == ActivityStatus.OPEN
                        && !a.due().atZone(ZONE).toLocalDate().isAfter(DAY))
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(listed).doesNotHaveDuplicates();
    }

    @Property
    void showsNothingOfOtherPeople(@ForAll("specs") List<Spec> specs) {
        Workbench w = Workbench.of(PERSON, DAY, ZONE, activities(specs), List.of(), Map.of());
        assertThat(w.agenda()).allSatisfy(item -> assertThat(item.activity().owner()).isEqualTo(PERSON));
    }

    @Property
    void theAgendaIsSortedByTime(@ForAll("specs") List<Spec> specs) {
        Workbench w = Workbench.of(PERSON, DAY, ZONE, activities(specs), List.of(), Map.of());
        assertThat(w.agenda()).extracting(Workbench.Item::time).isSorted();
        assertThat(w.overdue()).allSatisfy(a -> assertThat(a.due()).isBefore(DAY.atStartOfDay(ZONE).toInstant()));
        assertThat(w.dueToday()).allSatisfy(a -> assertThat(a.isDueOn(DAY, ZONE)).isTrue());
    }
}
