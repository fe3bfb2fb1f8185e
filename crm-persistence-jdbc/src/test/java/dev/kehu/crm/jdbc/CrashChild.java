package dev.kehu.crm.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.assignment.AssignmentMethod;
import dev.kehu.crm.assignment.AssignmentPlan;
import dev.kehu.crm.assignment.SalesForce;
import dev.kehu.crm.assignment.SalesRep;
import dev.kehu.crm.care.CareRules;
import dev.kehu.crm.care.CareService;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.notification.Notifications;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.outbox.RetryPolicy;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.security.TeamId;
import dev.kehu.crm.store.tck.TestRecords;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The child JVM of the crash-recovery test: runs one workload through {@link Kehu} on a {@link JdbcCrmStore} and
 * prints a line for each unit of work once it has committed (for the care run and the assignment, as its notification
 * goes out after the commit; for the outbox, as a message reaches the channel), so that the test can kill it half-way. Run again on the same database (with {@value #RESTART}), it completes the work, then
 * delivers what the outbox still holds, as a host's scheduled {@code deliverDue} would, and prints {@value #DONE}.
 *
 * <p>Arguments: the {@link Workload}, the JDBC URL, the size of the work, the file delivered messages are appended
 * to (outbox only, otherwise ignored), and {@value #RESTART} for the run after the crash. That run's clock is ahead
 * by more than the outbox's lease, so what the killed run had claimed is due again, as after a real restart.
 */
final class CrashChild {
    static final String DONE = "done";
    static final String RESTART = "--restart";
    /** The prefix of a line that reports a unit of work committed (or delivered). */
    static final String UNIT = "unit ";

    static final Actor REP = Actor.of(TestRecords.WANG.value(), TestRecords.TENANT.value(), Role.SALES_REPRESENTATIVE);
    static final Actor SUPERVISOR = Actor.of("u-boss", TestRecords.TENANT.value(), Role.SALES_SUPERVISOR);
    /** The day of the care run. */
    static final LocalDate TODAY = LocalDate.of(2024, 6, 10);
    /** Who holds the opportunities before the assignment. */
    static final UserId POOL = new UserId("u-pool");
    static final TeamId TEAM = new TeamId("east");
    /** The team, in user-id order: the order of the round robin. */
    static final List<UserId> REPS = List.of(new UserId("u-rep-1"), new UserId("u-rep-2"), new UserId("u-rep-3"));
    /** Opportunities per assignment batch: not a multiple of the team's size, so every batch moves the turn on. */
    static final int ASSIGNMENT_BATCH = 13;
    /** Reminders per page of the care run, so that a run has many pages to be killed between. */
    static final int CARE_PAGE = 50;

    enum Workload { CUSTOMERS, CARE, ASSIGNMENT, OUTBOX }

    private CrashChild() {
    }

    public static void main(String[] args) throws IOException {
        Workload workload = Workload.valueOf(args[0]);
        String url = args[1];
        int size = Integer.parseInt(args[2]);
        Path delivered = Path.of(args[3]);
        boolean restart = args.length > 4 && args[4].equals(RESTART);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Clock clock = restart ? Clock.offset(Clock.systemUTC(), RetryPolicy.standard().lease().plusMinutes(1))
                : Clock.systemUTC();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config);
             JdbcCrmStore store = JdbcCrmStore.create(dataSource);
             OutputStream deliveries = workload == Workload.OUTBOX ? new FileOutputStream(delivered.toFile(), true)
                     : OutputStream.nullOutputStream();
             Kehu kehu = Kehu.builder().store(store).clock(clock)
                     .notifications(notifications(workload, out, deliveries))
                     .salesForce(SalesForce.of(REPS.stream().map(CrashChild::rep).toList()))
                     .careRules(CareRules.defaults().pageSize(CARE_PAGE))
                     .build()) {
            switch (workload) {
                case CUSTOMERS -> CustomerCreation.ONE_BY_ONE.create(kehu, REP, CustomerCreation.input(size),
                        unit -> out.println(UNIT + unit));
                case CARE -> kehu.care().run(SUPERVISOR, TODAY);
                case ASSIGNMENT -> assignInBatches(kehu);
                case OUTBOX -> kehu.outbox().deliverDue();
            }
            kehu.outbox().deliverDue();
            out.println(DONE);
        }
    }

    /** Gives every opportunity still in the pool to the team, in batches in id order, by round robin. */
    private static void assignInBatches(Kehu kehu) {
        List<OpportunityId> waiting = kehu.opportunities().list(SUPERVISOR, OpportunityQuery.open().withOwner(POOL))
                .stream().map(Opportunity::id).sorted(Comparator.comparing(OpportunityId::value)).toList();
        for (int from = 0; from < waiting.size(); from += ASSIGNMENT_BATCH) {
            AssignmentPlan plan = kehu.assignment().assign(SUPERVISOR, TEAM,
                    waiting.subList(from, Math.min(waiting.size(), from + ASSIGNMENT_BATCH)), AssignmentMethod.roundRobin());
            if (!plan.unassigned().isEmpty()) throw new IllegalStateException("not assigned: " + plan.unassigned());
        }
    }

    /**
     * Notifications go out only once their change has committed: the care run reports each reminder by its key, and
     * the assignment each opportunity with its new owner, as the notification reaches the channel, so the kill comes
     * between a commit and the work that follows it. The outbox's delivery appends each message's record id to a file,
     * flushed line by line, before reporting it. Every other notification goes nowhere.
     */
    private static Notifications notifications(Workload workload, PrintStream out, OutputStream deliveries) {
        return switch (workload) {
            case CARE -> n -> {
                if (n.topic().startsWith(CareService.TOPIC_PREFIX)) out.println(UNIT + reminderKey(n));
            };
            case ASSIGNMENT -> n -> out.println(UNIT + n.recordId() + " " + n.recipient().value());
            case OUTBOX -> n -> {
                try {
                    deliveries.write((n.recordId() + "\n").getBytes(StandardCharsets.UTF_8));
                    deliveries.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.println(UNIT + n.recordId());
            };
            default -> Notifications.none();
        };
    }

    /** The key of the reminder a care notification is about: {@code <rule>:<subject>:<due date>}. */
    static String reminderKey(Notification n) {
        return n.topic().substring(CareService.TOPIC_PREFIX.length()) + ":" + n.recordId() + ":" + n.details().get("due");
    }

    private static SalesRep rep(UserId user) {
        return new SalesRep(user, Set.of(TEAM), true, false, Set.of(), Set.of(), Set.of(), null);
    }
}
