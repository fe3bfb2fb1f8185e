package dev.kehu.crm.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kehu.crm.Kehu;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.KehuException;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.knowledge.Article;
import dev.kehu.crm.knowledge.ArticleId;
import dev.kehu.crm.lead.LeadQuery;
import dev.kehu.crm.activity.ActivityQuery;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.store.tck.TextArbitraries.Sample;
import dev.kehu.crm.support.ServiceTicket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * What the hostile-input kits share: a {@link Kehu} on the store of the property, actors of the try's tenant, a
 * snapshot of everything the tenant's repositories hold, and the two outcomes every input has: kept exactly as the
 * rules tidy it, or refused with a violation naming the field while the snapshot stays as it was.
 */
abstract class InputPropertiesSupport extends StorePerProperty {
    static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    /** The day of {@link #START} in the clock's zone (UTC). */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private Kehu kehu;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();

    /** What the kit's Kehu needs beyond its store, clock and ids. */
    Kehu.Builder configure(Kehu.Builder builder) {
        return builder;
    }

    /** Kehu on the property's store, built on first use; its clock ticks a millisecond per reading from START. */
    final Kehu kehu() {
        if (kehu == null) {
            Clock clock = new Clock() {
                @Override public ZoneId getZone() { return ZoneOffset.UTC; }
                @Override public Clock withZone(ZoneId zone) { return this; }
                @Override public Instant instant() { return START.plusMillis(ticks.getAndIncrement()); }
            };
            kehu = configure(Kehu.builder().store(store).clock(clock).idGenerator(() -> "h-" + ids.incrementAndGet()))
                    .build();
        }
        return kehu;
    }

    @AfterProperty
    final void closeKehu() {
        if (kehu != null) kehu.close();
        kehu = null;
    }

    /** An account manager of the try's tenant. */
    final Actor rep() {
        return Actor.of("wang.wei", tenant.value(), Role.SALES_REPRESENTATIVE);
    }

    /** A sales supervisor of the try's tenant. */
    final Actor supervisor() {
        return Actor.of("li.na", tenant.value(), Role.SALES_SUPERVISOR);
    }

    // ---- The store as a whole -----------------------------------------------------------------------------------

    /**
     * Everything the try's tenant holds, read through every repository: customers with their contacts, quotes,
     * contracts with their history, orders and last purchase, tickets with their history, expenses; leads;
     * opportunities with their history, attached records and plans; activities; the outbox; the audit entries and
     * articles of every record the outbox names; the reminders of everyone the outbox names and of the kits' two
     * actors. Reading it also proves that every repository still answers.
     */
    final List<Object> snapshot() {
        Map<String, Object> all = new LinkedHashMap<>();
        List<Customer> customers = store.customers().page(tenant, CustomerQuery.all().includingClosed(),
                PageRequest.first(PageRequest.MAX_SIZE, CustomerSort.NAME)).items();
        all.put("customers", customers);
        for (Customer c : customers) {
            all.put("contacts of " + c.id(), store.contacts().ofCustomer(tenant, c.id()));
            all.put("quotes of " + c.id(), store.quotes().ofCustomer(tenant, c.id()));
            List<Contract> contracts = store.contracts().ofCustomer(tenant, c.id(), null, PageRequest.MAX_SIZE);
            all.put("contracts of " + c.id(), contracts);
            contracts.forEach(k -> all.put("history of " + k.id(), store.contracts().history(tenant, k.id())));
            all.put("orders of " + c.id(), store.salesOrders().ofCustomer(tenant, c.id(), null, PageRequest.MAX_SIZE));
            all.put("last purchase of " + c.id(), store.salesOrders().lastPurchase(tenant, c.id()));
            List<ServiceTicket> tickets = store.serviceTickets().ofCustomer(tenant, c.id(), null, PageRequest.MAX_SIZE);
            all.put("tickets of " + c.id(), tickets);
            tickets.forEach(t -> all.put("history of " + t.id(), store.serviceTickets().history(tenant, t.id())));
            all.put("expenses of " + c.id(), store.expenses().ofCustomer(tenant, c.id(), null, PageRequest.MAX_SIZE));
        }
        all.put("leads", store.leads().matching(tenant, LeadQuery.all()));
        List<Opportunity> opportunities = store.opportunities().matching(tenant, OpportunityQuery.all());
        all.put("opportunities", opportunities);
        for (Opportunity o : opportunities) {
            all.put("history of " + o.id(), store.opportunities().history(tenant, o.id()));
            all.put("attachments of " + o.id(), store.opportunities().attachments(tenant, o.id()));
            all.put("plans of " + o.id(), store.developmentPlans().ofOpportunity(tenant, o.id()));
        }
        all.put("activities", store.activities().matching(tenant, ActivityQuery.all()));
        List<OutboxMessage> outbox = store.outbox().list(tenant, new OutboxQuery(null, null, null, PageRequest.MAX_SIZE));
        all.put("outbox", outbox);
        Map<String, Set<String>> records = new TreeMap<>();
        outbox.forEach(m -> records.computeIfAbsent(m.recordType(), t -> new LinkedHashSet<>()).add(m.recordId()));
        AuditLog audit = store.auditLog();
        records.forEach((type, recordIds) -> all.put("audit of " + type, audit.forRecords(tenant, type, recordIds)));
        List<Optional<Article>> articles = records.getOrDefault(Article.RECORD_TYPE, Set.of()).stream()
                .map(id -> store.articles().find(tenant, new ArticleId(id))).toList();
        all.put("articles", articles);
        Set<UserId> people = new TreeSet<>(Comparator.comparing(UserId::value));
        people.addAll(List.of(rep().user(), supervisor().user()));
        outbox.forEach(m -> {
            people.add(m.actor());
            if (m.recipient() != null) people.add(m.recipient());
        });
        people.forEach(p -> all.put("reminders of " + p, store.reminders().ofRecipient(tenant, p, null,
                PageRequest.MAX_SIZE)));
        return new ArrayList<>(all.entrySet());
    }

    // ---- Outcomes -----------------------------------------------------------------------------------------------

    /**
     * The use case is refused with one {@link InvalidInputException} naming exactly {@code paths}, and the store
     * holds what it held before.
     */
    final void assertRefused(Runnable useCase, String... paths) {
        assertRefused(useCase, e -> {
            assertThat(e).as("refused with a validation error").isInstanceOf(InvalidInputException.class);
            assertThat(((InvalidInputException) e).violations()).extracting(Violation::path).as("fields named")
                    .containsOnly(paths);
        });
    }

    /** The use case is refused with a {@link KehuException} of {@code code}, and the store holds what it held before. */
    final void assertRefusedBy(String code, Runnable useCase) {
        assertRefused(useCase, e -> {
            assertThat(e).as("refused by a rule").isInstanceOf(KehuException.class);
            assertThat(((KehuException) e).code()).isEqualTo(code);
        });
    }

    private void assertRefused(Runnable useCase, java.util.function.Consumer<Throwable> refusal) {
        List<Object> before = snapshot();
        Throwable thrown = catchThrowable(useCase::run);
        assertThat(thrown).as("the use case was refused").isNotNull();
        refusal.accept(thrown);
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
    }

    // ---- Text fields of use cases -------------------------------------------------------------------------------

    /** What a form holds: text by field path; a field not filled in is {@code null}. */
    record Form(Map<String, String> texts) {
        static Form empty() {
            return new Form(new HashMap<>());
        }

        Form with(String path, String value) {
            Map<String, String> copy = new HashMap<>(texts);
            copy.put(path, value);
            return new Form(copy);
        }

        /** The field's text, or {@code fallback} when the form does not fill it. */
        String text(String path, String fallback) {
            return texts.containsKey(path) ? texts.get(path) : fallback;
        }

        String text(String path) {
            return texts.get(path);
        }
    }

    /**
     * A text field: its path in violations, its rules (at most {@code max} characters, of several lines or one),
     * whether the use case strips it, where its stored value is read, and the code of the rule that refuses it when
     * that is not a validation error (a contract's number, say).
     */
    record TextField<R>(String path, int max, boolean multiline, boolean stripped, Function<R, String> stored,
                        String rule) {
        static <R> TextField<R> line(String path, int max, boolean stripped, Function<R, String> stored) {
            return new TextField<>(path, max, false, stripped, stored, null);
        }

        static <R> TextField<R> note(String path, int max, Function<R, String> stored) {
            return new TextField<>(path, max, true, false, stored, null);
        }

        /** A field of one line that the rule {@code code} refuses, not a validation error. */
        static <R> TextField<R> refusedBy(String code, String path, int max, Function<R, String> stored) {
            return new TextField<>(path, max, false, true, stored, code);
        }

        String tidied(String value) {
            return stripped ? value.strip() : value;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    /**
     * A use case with text fields: {@code prepare} makes what one attempt needs (a fresh record to act on, say),
     * {@code run} runs it with a form, {@code reload} reads the stored record back through the store.
     */
    record UseCase<T, R>(String name, List<TextField<R>> fields, Supplier<T> prepare, BiFunction<T, Form, R> run,
                         Function<R, R> reload) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One text for one field of one use case. */
    record TextCase(UseCase<?, ?> useCase, TextField<?> field, Sample<String> sample) {
        @Override
        public String toString() {
            return useCase + "." + field + " = " + sample;
        }
    }

    /** The kit's use cases with text fields, each field described once for both properties below. */
    abstract List<UseCase<?, ?>> useCases();

    /** Every field of every use case, with text for it. */
    @Provide
    final Arbitrary<TextCase> texts() {
        List<Map.Entry<UseCase<?, ?>, TextField<?>>> pairs = new ArrayList<>();
        useCases().forEach(u -> u.fields().forEach(f -> pairs.add(Map.entry(u, f))));
        return Arbitraries.of(pairs).flatMap(p -> TextArbitraries.text(p.getValue().max())
                .map(sample -> new TextCase(p.getKey(), p.getValue(), sample)));
    }

    @Property(tries = 60)
    @Label("any text in any field of a use case is kept as typed, or refused naming the field and nothing is written")
    final void anyText(@ForAll("texts") TextCase c) {
        assertTexts(c.useCase(), List.of(c.field()), f -> c.sample().value(), c.sample());
    }

    @Example
    @Label("every named hostile text in every field of every use case is kept, or refused naming each field it breaks")
    final void namedTexts() {
        List<UseCase<?, ?>> useCases = useCases();
        for (int i = 0; i < useCases.size(); i++) assertNamedTexts(useCases.get(i), 3 * i);
        assertThat(snapshot()).as("every repository still answers, with every SQL payload stored").isNotEmpty();
    }

    /**
     * The named hostile texts through every text field of the use case, each run in a tenant of its own. Each kept
     * text goes into every field at once and is kept in each (a text kept only in notes goes into the notes, and
     * separately into the other fields, which refuse it). The broken texts go into the fields in one run, a different
     * one in each field (starting at {@code offset}, so that the use cases of a kit share them out), and every field
     * is named.
     */
    private void assertNamedTexts(UseCase<?, ?> useCase, int offset) {
        for (Sample<String> sample : TextArbitraries.namedTexts()) {
            if (sample.verdict() == TextArbitraries.Verdict.REFUSED) continue;
            List<? extends TextField<?>> keeping = useCase.fields().stream()
                    .filter(f -> sample.acceptedIn(f.max(), f.multiline())).toList();
            List<? extends TextField<?>> refusing = useCase.fields().stream()
                    .filter(f -> !sample.acceptedIn(f.max(), f.multiline())).toList();
            if (!keeping.isEmpty()) assertTexts(useCase, keeping, f -> sample.value(), sample);
            if (!refusing.isEmpty()) assertTexts(useCase, refusing, f -> sample.value(), sample);
        }
        List<String> broken = TextArbitraries.brokenTexts();
        List<? extends TextField<?>> fields = useCase.fields();
        assertTexts(useCase, fields, f -> broken.get((offset + fields.indexOf(f)) % broken.size()),
                Sample.refused("a broken text in each field", broken.get(offset % broken.size())));
    }

    /**
     * Runs the use case, in a tenant of its own, with {@code text} of each of {@code fields}, whose verdict is
     * {@code sample}'s: each kept as tidied, or each field named and nothing written.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void assertTexts(UseCase useCase, List<? extends TextField<?>> fields, Function<TextField<?>, String> text,
                             Sample<String> sample) {
        tenant = new TenantId("text-" + runs.incrementAndGet());
        Object target = useCase.prepare().get();
        Form form = Form.empty();
        for (TextField<?> field : fields) form = form.with(field.path(), text.apply(field));
        Form filled = form;
        String[] refused = fields.stream().filter(f -> !new Sample<>(text.apply(f), sample.verdict(), sample.kind())
                .acceptedIn(f.max(), f.multiline())).map(TextField::path).distinct().toArray(String[]::new);
        if (refused.length > 0) {
            Runnable run = () -> useCase.run().apply(target, filled);
            if (fields.size() == 1 && fields.get(0).rule() != null) assertRefusedBy(fields.get(0).rule(), run);
            else assertRefused(run, refused);
            return;
        }
        Object stored = useCase.reload().apply(useCase.run().apply(target, filled));
        for (TextField field : fields) {
            assertThat(field.stored().apply(stored)).as("%s stored", field.path()).isEqualTo(field.tidied(text.apply(field)));
        }
    }
}
