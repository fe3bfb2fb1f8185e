package dev.kehu.crm.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.knowledge.Article;
import dev.kehu.crm.knowledge.ArticleId;
import dev.kehu.crm.knowledge.ArticleSearch;
import dev.kehu.crm.knowledge.Articles;
import dev.kehu.crm.support.TicketId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Knowledge-base articles in {@code kehu_knowledge_article}, their keywords in {@code kehu_knowledge_keyword} and
 * the tickets they resolved in {@code kehu_knowledge_article_ticket}. Beside the text the store writes its search
 * keys ({@link ArticleSearch#normalize}: width-folded, lower case), so that a search compares keys in SQL the way
 * {@link ArticleSearch} compares text in memory, and scores each term as it does.
 */
public final class JdbcArticles implements Articles {
    private static final String COLUMNS = "a.tenant_id, a.id, a.title, a.body, a.published, a.created_at, a.updated_at,"
            + " a.version";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS
            + " FROM kehu_knowledge_article a WHERE a.tenant_id = :tenant_id AND a.id = :id");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_knowledge_article (tenant_id, id, title, body, title_key, body_key, published, created_at,
                updated_at, version)
            VALUES (:tenant_id, :id, :title, :body, :title_key, :body_key, :published, :created_at, :updated_at,
                :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_knowledge_article
            SET title = :title, body = :body, title_key = :title_key, body_key = :body_key, published = :published,
                created_at = :created_at, updated_at = :updated_at, version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_knowledge_article", "id", INSERT, UPDATE);

    private static final NamedSql DELETE_KEYWORDS = NamedSql.of("""
            DELETE FROM kehu_knowledge_keyword WHERE tenant_id = :tenant_id AND article_id = :article_id""");

    private static final NamedSql INSERT_KEYWORD = NamedSql.of("""
            INSERT INTO kehu_knowledge_keyword (tenant_id, article_id, position_no, keyword, keyword_key)
            VALUES (:tenant_id, :article_id, :position_no, :keyword, :keyword_key)""");

    private static final NamedSql DELETE_TICKETS = NamedSql.of("""
            DELETE FROM kehu_knowledge_article_ticket WHERE tenant_id = :tenant_id AND article_id = :article_id""");

    private static final NamedSql INSERT_TICKET = NamedSql.of("""
            INSERT INTO kehu_knowledge_article_ticket (tenant_id, article_id, ticket_id)
            VALUES (:tenant_id, :article_id, :ticket_id)""");

    /** How one term scores in one article, as {@link ArticleSearch#relevance} scores it; 0 when it is nowhere. */
    private static final String TERM_SCORE = """
            CASE WHEN EXISTS (SELECT 1 FROM kehu_knowledge_keyword k WHERE k.tenant_id = a.tenant_id
                    AND k.article_id = a.id AND k.keyword_key = :term{i}) THEN 4
                 WHEN EXISTS (SELECT 1 FROM kehu_knowledge_keyword k WHERE k.tenant_id = a.tenant_id
                    AND k.article_id = a.id AND k.keyword_key LIKE :pattern{i} ESCAPE '!') THEN 3
                 WHEN a.title_key LIKE :pattern{i} ESCAPE '!' THEN 2
                 WHEN a.body_key LIKE :pattern{i} ESCAPE '!' THEN 1
                 ELSE 0 END""";

    private final JdbcTransactions transactions;
    private final Dialect dialect;

    public JdbcArticles(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    @Override
    public Optional<Article> find(TenantId tenant, ArticleId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> load(connection, tenant, FIND,
                s -> s.string("tenant_id", tenant.value()).string("id", id.value())).stream().findFirst());
    }

    @Override
    public Article save(Article article) {
        requireNonNull(article, "article");
        String tenant = article.tenant().value();
        String id = article.id().value();
        return transactions.withConnection(connection -> {
            boolean isNew = ROWS.write(connection, dialect, tenant, id, article.version(), s -> s
                    .string("tenant_id", tenant).string("id", id).string("title", article.title())
                    .string("body", article.body()).string("title_key", ArticleSearch.normalize(article.title()))
                    .string("body_key", ArticleSearch.normalize(article.body())).bool("published", article.published())
                    .instant("created_at", article.createdAt()).instant("updated_at", article.updatedAt()),
                    () -> new StaleRecordException(Article.RECORD_TYPE, id, article.version()));
            NamedSql.Binder parent = s -> s.string("tenant_id", tenant).string("article_id", id);
            ChildRows.replace(connection, dialect, DELETE_KEYWORDS, INSERT_KEYWORD, isNew, parent, article.keywords(),
                    (s, keyword, index) -> s.integer("position_no", index).string("keyword", keyword)
                            .string("keyword_key", ArticleSearch.normalize(keyword)));
            ChildRows.replace(connection, dialect, DELETE_TICKETS, INSERT_TICKET, isNew, parent,
                    article.linkedTickets().stream().map(TicketId::value).sorted().toList(),
                    (s, ticket, index) -> s.string("ticket_id", ticket));
            return new Article(article.id(), article.tenant(), article.title(), article.body(), article.keywords(),
                    article.linkedTickets(), article.published(), article.createdAt(), article.updatedAt(),
                    article.version() + 1);
        });
    }

    @Override
    public List<Article> search(TenantId tenant, String query, int limit) {
        requireNonNull(tenant, "tenant");
        Limits.check(limit);
        List<String> terms = ArticleSearch.terms(query);
        StringBuilder scores = new StringBuilder();
        StringBuilder found = new StringBuilder();
        StringBuilder total = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            scores.append(",\n").append(TERM_SCORE.replace("{i}", Integer.toString(i))).append(" AS score").append(i);
            found.append(" AND s.score").append(i).append(" > 0");
            total.append(i == 0 ? "" : " + ").append("s.score").append(i);
        }
        // kehu_knowledge_article_published_ix gives the tenant's published articles; their keys are compared here.
        NamedSql sql = NamedSql.of("SELECT s.* FROM (SELECT " + COLUMNS + scores
                + "\nFROM kehu_knowledge_article a WHERE a.tenant_id = :tenant_id AND a.published = :published) s"
                + "\nWHERE 1 = 1" + found
                + "\nORDER BY " + (terms.isEmpty() ? "" : total + " DESC, ") + "s.title, s.id"
                + "\nLIMIT :limit");
        return transactions.withConnection(connection -> load(connection, tenant, sql, s -> {
            s.string("tenant_id", tenant.value()).bool("published", true).bigint("limit", limit);
            for (int i = 0; i < terms.size(); i++) {
                s.string("term" + i, terms.get(i)).string("pattern" + i, SearchKeys.contains(terms.get(i)));
            }
        }));
    }

    /** The articles {@code sql} selects, in its order, with their keywords and tickets read by two more statements. */
    private List<Article> load(Connection connection, TenantId tenant, NamedSql sql, NamedSql.Binder binder)
            throws SQLException {
        Map<String, Article> rows = new LinkedHashMap<>();
        for (Article row : sql.list(connection, dialect, binder, r -> new Article(new ArticleId(r.getString("id")),
                new TenantId(r.getString("tenant_id")), r.getString("title"), r.getString("body"), List.of(), Set.of(),
                r.getBoolean("published"), dialect.getInstant(r, "created_at"), dialect.getInstant(r, "updated_at"),
                r.getLong("version")))) {
            rows.put(row.id().value(), row);
        }
        if (rows.isEmpty()) return List.of();
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        Map<String, Set<TicketId>> tickets = new LinkedHashMap<>();
        for (List<String> chunk : InList.chunks(rows.keySet())) {
            String in = " WHERE tenant_id = :tenant_id AND article_id IN (" + InList.names("article", chunk.size()) + ")";
            children(connection, tenant, chunk, NamedSql.of("SELECT article_id, keyword AS child FROM kehu_knowledge_keyword"
                    + in + " ORDER BY article_id, position_no"), (article, value) ->
                    keywords.computeIfAbsent(article, a -> new ArrayList<>()).add(value));
            children(connection, tenant, chunk, NamedSql.of("SELECT article_id, ticket_id AS child"
                    + " FROM kehu_knowledge_article_ticket" + in), (article, value) ->
                    tickets.computeIfAbsent(article, a -> new HashSet<>()).add(new TicketId(value)));
        }
        return rows.values().stream().map(a -> new Article(a.id(), a.tenant(), a.title(), a.body(),
                keywords.getOrDefault(a.id().value(), List.of()), tickets.getOrDefault(a.id().value(), Set.of()),
                a.published(), a.createdAt(), a.updatedAt(), a.version())).toList();
    }

    private interface Child {
        void add(String article, String value);
    }

    private void children(Connection connection, TenantId tenant, List<String> articles, NamedSql sql, Child child)
            throws SQLException {
        try (NamedSql.Bound statement = sql.prepare(connection, dialect)) {
            statement.string("tenant_id", tenant.value());
            InList.bind(statement, "article", articles);
            try (ResultSet result = statement.query()) {
                while (result.next()) child.add(result.getString("article_id"), result.getString("child"));
            }
        }
    }
}
