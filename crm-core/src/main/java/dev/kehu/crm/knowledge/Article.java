package dev.kehu.crm.knowledge;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.support.TicketId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An article of the knowledge base (知识库, S6): a recurring problem and its answer, with keywords to find it
 * by and the service tickets it resolved. Written as a draft; only published articles are offered to agents
 * searching ({@link ArticleSearch}). Immutable: each change returns a new article, or is refused with a
 * {@link dev.kehu.crm.common.BusinessRuleException} whose code names the rule.
 *
 * @param keywords      the keywords, stripped, without blanks and without duplicates ignoring case, in the order given
 * @param linkedTickets the tickets this article resolved
 */
public record Article(ArticleId id, TenantId tenant, String title, String body, List<String> keywords,
                      Set<TicketId> linkedTickets, boolean published, Instant createdAt, Instant updatedAt,
                      long version) implements Auditable {

    public static final String RECORD_TYPE = "knowledge-article";

    public Article {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        if (Text.isBlank(title)) throw new IllegalArgumentException("an article needs a title");
        if (Text.isBlank(body)) throw new IllegalArgumentException("an article needs a body");
        keywords = tidy(keywords);
        linkedTickets = Set.copyOf(linkedTickets);
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        updatedAt = requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    private static List<String> tidy(Collection<String> keywords) {
        Set<String> seen = new HashSet<>();
        List<String> kept = new ArrayList<>();
        for (String keyword : keywords) {
            if (Text.isBlank(keyword)) continue;
            String stripped = keyword.strip();
            if (seen.add(ArticleSearch.normalize(stripped))) kept.add(stripped);
        }
        return List.copyOf(kept);
    }

    /** A draft. Refused without a title ({@code knowledge.title.blank}) or a body ({@code knowledge.body.blank}). */
    public static Article write(ArticleId id, TenantId tenant, String title, String body, List<String> keywords,
                                Instant at) {
        check(title, body);
        return new Article(id, tenant, title, body, keywords, Set.of(), false, at, at, 0);
    }

    private static void check(String title, String body) {
        if (Text.isBlank(title)) Decision.refuse("knowledge.title.blank").orThrow(Locale.ROOT);
        if (Text.isBlank(body)) Decision.refuse("knowledge.body.blank").orThrow(Locale.ROOT);
    }

    /** New text and keywords; a published article stays published. */
    public Article edit(String newTitle, String newBody, List<String> newKeywords, Instant at) {
        check(newTitle, newBody);
        return new Article(id, tenant, newTitle, newBody, newKeywords, linkedTickets, published, createdAt, at, version);
    }

    /** Offered to agents from now on; refused when it already is ({@code knowledge.published}). */
    public Article publish(Instant at) {
        if (published) Decision.refuse("knowledge.published", id.value()).orThrow(Locale.ROOT);
        return new Article(id, tenant, title, body, keywords, linkedTickets, true, createdAt, at, version);
    }

    /** No longer offered (out of date); refused when it is not published ({@code knowledge.not-published}). */
    public Article withdraw(Instant at) {
        if (!published) Decision.refuse("knowledge.not-published", id.value()).orThrow(Locale.ROOT);
        return new Article(id, tenant, title, body, keywords, linkedTickets, false, createdAt, at, version);
    }

    /**
     * Records that this article resolved {@code ticket}; refused when already recorded
     * ({@code knowledge.ticket.linked}). The use case checks that the ticket exists.
     */
    public Article link(TicketId ticket, Instant at) {
        requireNonNull(ticket, "ticket");
        if (linkedTickets.contains(ticket)) {
            Decision.refuse("knowledge.ticket.linked", ticket.value(), id.value()).orThrow(Locale.ROOT);
        }
        Set<TicketId> more = new LinkedHashSet<>(linkedTickets);
        more.add(ticket);
        return new Article(id, tenant, title, body, keywords, more, published, createdAt, at, version);
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("body", body);
        fields.put("keywords", String.join(", ", keywords));
        fields.put("linkedTickets", String.join(", ", new TreeSet<>(linkedTickets.stream().map(TicketId::value).toList())));
        fields.put("published", Boolean.toString(published));
        return fields;
    }
}
