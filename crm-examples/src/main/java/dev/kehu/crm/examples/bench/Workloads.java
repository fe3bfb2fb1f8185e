package dev.kehu.crm.examples.bench;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.callcentre.Callers;
import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.examples.bench.jpa.HibernateBaseline;
import dev.kehu.crm.forecast.Forecast;
import dev.kehu.crm.forecast.Funnel;
import dev.kehu.crm.jdbc.JdbcCrmStore;
import dev.kehu.crm.migration.CustomerImportRow;
import dev.kehu.crm.migration.ImportReport;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * Workloads 1–3, each run by Kehu and by its baselines one after the other on the same database and dataset. Kehu
 * is called through its public use cases as a host calls them: one use case, one transaction (the import: one per
 * chunk).
 */
final class Workloads implements AutoCloseable {
    static final long SEED = 20_260_101L;
    private static final int IMPORT_BATCH_KEHU = 1;
    private static final int IMPORT_BATCH_JDBC = 2;
    private static final int IMPORT_BATCH_HIBERNATE = 3;
    private static final int WARM_UP = 10;

    private final Profile profile;
    private final BenchDatabase database;
    private final DatasetSize size;
    private final CrmStore store;
    private final Kehu kehu;
    private final Actor actor = Actor.of("bench.admin", DatasetGenerator.TENANT.value(), Role.SALES_SUPERVISOR);
    private final JdbcBaseline jdbc;
    private final HibernateBaseline hibernate;
    private final CareRunBaseline care;

    /** With {@code baselines} false, only Kehu's side can run (the small-heap check leaves Hibernate out). */
    Workloads(Profile profile, BenchDatabase database, boolean baselines) {
        this.profile = profile;
        this.database = database;
        this.size = profile.dataset();
        // Every implementation takes its ids from one generator, so making ids costs them the same.
        AtomicLong counter = new AtomicLong();
        String prefix = Long.toString(System.currentTimeMillis(), 36) + "-";
        IdGenerator ids = () -> prefix + Long.toString(counter.incrementAndGet(), 36);
        Clock clock = Clock.systemUTC();
        this.store = JdbcCrmStore.create(database.dataSource());
        this.kehu = Kehu.builder().store(store).clock(clock).idGenerator(ids).build();
        this.jdbc = new JdbcBaseline(database.dataSource(), clock, ids, DatasetGenerator.TENANT, actor.user());
        this.care = new CareRunBaseline(database.dataSource(), clock, ids, DatasetGenerator.TENANT, actor.user());
        this.hibernate = baselines ? new HibernateBaseline(database.dataSource(), clock, ids,
                DatasetGenerator.TENANT.value(), actor.user().value()) : null;
    }

    CrmStore store() {
        return store;
    }

    // ---- 1. Bulk import ------------------------------------------------------------------------------------

    Measurement bulkImport() {
        int rows = profile.importRows();
        int warmUp = Math.max(profile.importChunk(), rows / WARM_UP);
        Map<String, Figure> baselines = new LinkedHashMap<>();
        importRows(IMPORT_BATCH_KEHU + WARM_UP, warmUp, this::kehuImport);
        Figure kehuFigure = importRows(IMPORT_BATCH_KEHU, rows, this::kehuImport);
        importRows(IMPORT_BATCH_JDBC + WARM_UP, warmUp, jdbc::importChunk);
        baselines.put("jdbc", importRows(IMPORT_BATCH_JDBC, rows, jdbc::importChunk));
        importRows(IMPORT_BATCH_HIBERNATE + WARM_UP, warmUp, hibernate::importChunk);
        baselines.put("hibernate", importRows(IMPORT_BATCH_HIBERNATE, rows, hibernate::importChunk));
        return new Measurement("import", "rows/s", true, kehuFigure, baselines, Map.of("jdbc", 0.8, "hibernate", 1.5),
                rows, "a row is a customer with 3 contacts; 1 row in 20 is a duplicate number and is skipped");
    }

    /** Imports {@code count} rows of batch {@code batch} in chunks; the throughput in rows per second. */
    private Figure importRows(int batch, int count, java.util.function.ToIntFunction<List<ImportRows.Row>> importer) {
        List<ImportRows.Row> rows = ImportRows.make(SEED, batch, count, size.customers());
        long start = System.nanoTime();
        int imported = 0;
        for (int from = 0; from < rows.size(); from += profile.importChunk()) {
            imported += importer.applyAsInt(rows.subList(from, Math.min(rows.size(), from + profile.importChunk())));
        }
        long nanos = System.nanoTime() - start;
        if (imported == 0 || imported == rows.size()) {
            throw new IllegalStateException("an import of " + rows.size() + " rows wrote " + imported
                    + " customers: the duplicates were not skipped, or nothing was written");
        }
        return Figure.throughput(rows.size(), nanos);
    }

    /**
     * Kehu's import of a chunk: the bulk import use case, one transaction for the chunk as the baselines have; a taken
     * number is skipped as a duplicate. The rows are always valid, so a rejected one is a fault of the harness.
     */
    int kehuImport(List<ImportRows.Row> rows) {
        ImportReport report = kehu.imports().customers(actor, rows.stream().map(Workloads::importRow).toList(),
                profile.importChunk());
        if (!report.rejected().isEmpty()) {
            throw new IllegalStateException("an import row was refused: " + report.rejected().get(0).violations());
        }
        return report.created().size();
    }

    private static CustomerImportRow importRow(ImportRows.Row row) {
        CustomerDetails.Builder customer = row.individual() ? CustomerDetails.individual(row.name())
                : CustomerDetails.company(row.name());
        return new CustomerImportRow(customer.number(row.number()).phone(row.phone()).email(row.email())
                .city(row.city()).build(), row.contacts().stream().map(contact -> new ContactDetails.Builder()
                .name(contact.name()).mobile(contact.mobile()).email(contact.email()).position(contact.position())
                .primary(contact.primary()).build()).toList());
    }

    // ---- 2. Stage moves ------------------------------------------------------------------------------------

    List<Measurement> stageMoves() {
        List<String> pool = movablePool(Math.min(2_000, profile.moves()));
        IntPredicate jdbcMove = n -> jdbc.moveStage(pool.get(n % pool.size()));
        IntPredicate hibernateMove = n -> hibernate.moveStage(pool.get(n % pool.size()));
        List<Measurement> measurements = new ArrayList<>();
        for (int threads = 1; threads <= 2; threads++) {
            Map<String, Figure> baselines = new LinkedHashMap<>();
            // What the caller last saw: read again, since the baselines have moved the same opportunities.
            Map<String, Opportunity> seen = lastSeen(pool);
            Figure kehuFigure = moves(threads, n -> kehuMove(seen, pool.get(n % pool.size())));
            baselines.put("jdbc", moves(threads, jdbcMove));
            baselines.put("hibernate", moves(threads, hibernateMove));
            measurements.add(new Measurement("stage-move." + threads + (threads == 1 ? "-thread" : "-threads"),
                    "ops/s", true, kehuFigure, baselines, Map.of("jdbc", 0.8, "hibernate", 1.5), profile.moves(),
                    "load, check the rule, save, history line, audit entry, outbox event, commit; "
                            + pool.size() + " open opportunities moved in turn"));
        }
        return measurements;
    }

    private Map<String, Opportunity> lastSeen(List<String> pool) {
        Map<String, Opportunity> seen = new ConcurrentHashMap<>();
        for (String id : pool) seen.put(id, kehu.opportunities().get(actor, new OpportunityId(id)));
        return seen;
    }

    /** Kehu's move: the use case, given the version the caller last saw, as a form would give it. */
    private boolean kehuMove(Map<String, Opportunity> seen, String id) {
        Opportunity current = seen.get(id);
        int from = StageMoves.STAGES.indexOf(current.stage());
        int to = StageMoves.target(from, StageMoves.STAGES.size());
        Opportunity moved = kehu.opportunities().moveTo(actor, current.id(), current.version(),
                StageMoves.STAGES.get(to), null, StageMoves.note(from, to));
        seen.put(id, moved);
        return true;
    }

    /**
     * {@code profile.moves()} moves (after a tenth as many untimed) in {@code threads} threads; thread {@code t}
     * makes moves t, t + threads, …, so two threads never move the same opportunity.
     */
    private Figure moves(int threads, IntPredicate move) {
        run(threads, Math.max(threads, profile.moves() / WARM_UP), move);
        return run(threads, profile.moves(), move);
    }

    private static Figure run(int threads, int count, IntPredicate move) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    start.await();
                    int made = 0;
                    for (int n = first; n < count; n += threads) if (move.test(n)) made++;
                    return made;
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            int made = 0;
            for (Future<Integer> f : done) made += f.get();
            long nanos = System.nanoTime() - begin;
            if (made != count) throw new IllegalStateException(made + " of " + count + " moves were made");
            return Figure.throughput(count, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Open opportunities in the first five stages, by id, an even number of them. */
    private List<String> movablePool(int max) {
        List<String> ids = new ArrayList<>();
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM kehu_opportunity WHERE tenant_id = ?"
                     + " AND status = 'OPEN' AND stage IN ('" + String.join("', '", StageMoves.STAGES) + "') ORDER BY id")) {
            s.setString(1, DatasetGenerator.TENANT.value());
            s.setMaxRows(max);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) ids.add(row.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (ids.size() < 2) throw new IllegalStateException("the dataset has too few open opportunities to move");
        return ids.size() % 2 == 0 ? ids : ids.subList(0, ids.size() - 1);
    }

    // ---- 3. Funnel, forecast, phone look-up ----------------------------------------------------------------

    /** The funnel over every opportunity of the dataset: Kehu's, one SQL aggregation, and rows aggregated in Java. */
    Measurement funnel() {
        LocalDate ratesOn = LocalDate.ofInstant(DatasetGenerator.NOW, ZoneOffset.UTC);
        Funnel kehuFunnel = kehu.forecasts().funnel(actor, StageMoves.PIPELINE, OpportunityQuery.all(), ratesOn);
        Map<String, BigDecimal[]> sqlFunnel = jdbc.funnelSql();
        // The three must count the same opportunities, or they would not be doing the same work.
        for (Funnel.Stage stage : kehuFunnel.stages()) {
            long sql = sqlFunnel.containsKey(stage.stage()) ? sqlFunnel.get(stage.stage())[0].longValue() : 0;
            if (sql != stage.count()) {
                throw new IllegalStateException("Kehu counts " + stage.count() + " in " + stage.stage() + ", SQL " + sql);
            }
        }
        return latencies("funnel", size.opportunities(),
                () -> kehu.forecasts().funnel(actor, StageMoves.PIPELINE, OpportunityQuery.all(), ratesOn),
                jdbc::funnelSql, jdbc::funnelInJvm);
    }

    /** The weighted forecast by month over the two years and the year after: the same three ways. */
    Measurement forecast() {
        LocalDate ratesOn = LocalDate.ofInstant(DatasetGenerator.NOW, ZoneOffset.UTC);
        YearMonth from = YearMonth.from(DatasetGenerator.START.atOffset(ZoneOffset.UTC));
        YearMonth to = YearMonth.from(DatasetGenerator.NOW.atOffset(ZoneOffset.UTC)).plusMonths(12);
        Forecast kehuForecast = kehu.forecasts().forecast(actor, from, to, OpportunityQuery.all(), ratesOn);
        long kehuCount = kehuForecast.months().stream().mapToLong(Forecast.Month::count).sum();
        long sqlCount = jdbc.forecastSql(from.atDay(1), to.atEndOfMonth()).values().stream()
                .mapToLong(sums -> sums[0].longValue()).sum();
        if (kehuCount != sqlCount) throw new IllegalStateException("Kehu forecasts " + kehuCount + ", SQL " + sqlCount);
        return latencies("forecast", size.opportunities(),
                () -> kehu.forecasts().forecast(actor, from, to, OpportunityQuery.all(), ratesOn),
                () -> jdbc.forecastSql(from.atDay(1), to.atEndOfMonth()),
                () -> jdbc.forecastInJvm(from.atDay(1), to.atEndOfMonth()));
    }

    private Measurement latencies(String workload, long rows, Runnable kehuRun, Runnable sql, Runnable inJvm) {
        return latencies(workload, 2, profile.reportRuns(), () -> { }, kehuRun, sql, inJvm,
                "over " + rows + " opportunities; the figure is the median, p99 beside it");
    }

    /**
     * Kehu's run and its two baselines in turn, {@code warmUps} untimed rounds then {@code runs} timed ones, each run
     * after an untimed {@code reset}.
     */
    private Measurement latencies(String workload, int warmUps, int runs, Runnable reset, Runnable kehuRun, Runnable sql,
                                  Runnable inJvm, String note) {
        Runnable[] implementations = {kehuRun, sql, inJvm};
        long[][] nanos = new long[implementations.length][runs];
        for (int round = -warmUps; round < runs; round++) {
            for (int k = 0; k < implementations.length; k++) {
                reset.run();
                long start = System.nanoTime();
                implementations[k].run();
                if (round >= 0) nanos[k][round] = System.nanoTime() - start;
            }
        }
        Map<String, Figure> baselines = new LinkedHashMap<>();
        baselines.put("sql", Figure.latencyMillis(nanos[1]));
        baselines.put("jvm", Figure.latencyMillis(nanos[2]));
        return new Measurement(workload, "ms", false, Figure.latencyMillis(nanos[0]), baselines,
                Map.of("sql", 1 / 1.2, "jvm", 10.0), runs, note);
    }

    // ---- 3b. The daily care run ------------------------------------------------------------------------------

    /**
     * The care run of the dataset's "today" over every rule, from an empty reminder table each time: Kehu's
     * {@code care().run}, the rules' queries in SQL with batched writes, and the rows filtered in Java.
     */
    Measurement careRun() {
        LocalDate today = LocalDate.ofInstant(DatasetGenerator.NOW, ZoneOffset.UTC);
        forgetReminders();
        long kehuCount = kehu.care().run(actor, today).created();
        forgetReminders();
        long sqlCount = care.sql(today);
        forgetReminders();
        long jvmCount = care.jvm(today);
        if (kehuCount != sqlCount || kehuCount != jvmCount || kehuCount == 0) {
            throw new IllegalStateException("Kehu reminds " + kehuCount + ", SQL " + sqlCount + ", the JVM " + jvmCount);
        }
        // The runs above that counted the reminders were the warm-up: at full size a run writes millions of rows.
        return latencies("care-run", 0, profile.careRuns(), this::forgetReminders,
                () -> kehu.care().run(actor, today), () -> care.sql(today), () -> care.jvm(today),
                kehuCount + " reminders, each with its notification, from an empty reminder table; median and p99");
    }

    /** Deletes every reminder and notification, so the next run finds every reminder new. */
    private void forgetReminders() {
        Jdbc.inTransaction(database.dataSource(), connection -> {
            try (PreparedStatement reminders = connection.prepareStatement("DELETE FROM kehu_reminder WHERE tenant_id = ?");
                 PreparedStatement notifications = connection.prepareStatement(
                         "DELETE FROM kehu_outbox_message WHERE tenant_id = ? AND kind = 'NOTIFICATION'")) {
                reminders.setString(1, DatasetGenerator.TENANT.value());
                reminders.executeUpdate();
                notifications.setString(1, DatasetGenerator.TENANT.value());
                notifications.executeUpdate();
            }
            return null;
        });
    }

    /** The call centre's look-up of a caller by a number typed as people type it, among all customers. */
    Measurement phoneLookup() {
        SplittableRandom random = new SplittableRandom(SEED);
        int count = profile.lookups();
        long[] kehuNanos = new long[count];
        long[] jdbcNanos = new long[count];
        for (int n = -count / WARM_UP; n < count; n++) {
            String typed = DatasetGenerator.customerPhone(random.nextInt(size.customers()));
            long start = System.nanoTime();
            Callers callers = kehu.callCentre().findByPhone(actor, typed);
            long middle = System.nanoTime();
            List<String> found = jdbc.lookUpPhone(PhoneNumber.parse(typed, PhoneNumber.CHINA).orElseThrow().e164());
            long end = System.nanoTime();
            if (callers.customers().isEmpty() || found.isEmpty()) throw new IllegalStateException("nobody has " + typed);
            if (n >= 0) {
                kehuNanos[n] = middle - start;
                jdbcNanos[n] = end - middle;
            }
        }
        return new Measurement("phone-lookup", "ms", false, Figure.latencyMillis(kehuNanos),
                Map.of("jdbc", Figure.latencyMillis(jdbcNanos)), Map.of(), count,
                "among " + size.customers() + " customers and their contacts; target: p99 under 2 ms on PostgreSQL");
    }

    /** Kehu's side of one workload of {@link Results#HEAP_WORKLOADS}, with the profile's operation counts. */
    void runKehuOnly(String workload) {
        switch (workload) {
            case "rules" -> {
                RulesBenchmark.Rules rules = new RulesBenchmark.Rules();
                for (int n = 0; n < 10_000; n++) {
                    rules.stageCheck(n);
                    rules.probability(n);
                    if (n % 100 == 0) rules.assignment();
                }
            }
            case "import" -> importRows(IMPORT_BATCH_KEHU + 2 * WARM_UP, profile.importRows(), this::kehuImport);
            case "stage-move" -> {
                List<String> pool = movablePool(Math.min(2_000, profile.moves()));
                Map<String, Opportunity> seen = lastSeen(pool);
                run(1, profile.moves(), n -> kehuMove(seen, pool.get(n % pool.size())));
            }
            case "funnel", "forecast" -> {
                LocalDate ratesOn = LocalDate.ofInstant(DatasetGenerator.NOW, ZoneOffset.UTC);
                for (int n = 0; n < 3; n++) {
                    if (workload.equals("funnel")) {
                        kehu.forecasts().funnel(actor, StageMoves.PIPELINE, OpportunityQuery.all(), ratesOn);
                    } else {
                        kehu.forecasts().forecast(actor, YearMonth.from(DatasetGenerator.START.atOffset(ZoneOffset.UTC)),
                                YearMonth.from(DatasetGenerator.NOW.atOffset(ZoneOffset.UTC)).plusMonths(12),
                                OpportunityQuery.all(), ratesOn);
                    }
                }
            }
            case "care-run" -> {
                forgetReminders();
                kehu.care().run(actor, LocalDate.ofInstant(DatasetGenerator.NOW, ZoneOffset.UTC));
            }
            case "phone-lookup" -> {
                SplittableRandom random = new SplittableRandom(SEED);
                for (int n = 0; n < profile.lookups(); n++) {
                    kehu.callCentre().findByPhone(actor, DatasetGenerator.customerPhone(random.nextInt(size.customers())));
                }
            }
            default -> throw new IllegalArgumentException("no workload " + workload);
        }
    }

    @Override
    public void close() {
        if (hibernate != null) hibernate.close();
        kehu.close();
        store.close();
    }
}
