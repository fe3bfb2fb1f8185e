package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.knowledge.Article;
import dev.kehu.crm.knowledge.ArticleId;
import dev.kehu.crm.knowledge.ArticleSearch;
import dev.kehu.crm.knowledge.Articles;
import java.util.List;
import java.util.Optional;

public final class MemoryArticles implements Articles {
    private final MemoryTransactions transactions;
    private final VersionedTable<Article> articles;

    public MemoryArticles(MemoryTransactions transactions) {
        this.transactions = transactions;
        articles = new VersionedTable<>(transactions, Article.RECORD_TYPE, tables -> tables.articles, Article::version);
    }

    @Override
    public Optional<Article> find(TenantId tenant, ArticleId id) {
        return articles.find(tenant, id.value());
    }

    @Override
    public Article save(Article article) {
        requireNonNull(article, "article");
        return articles.save(article.tenant(), article.id().value(), article.version(),
                version -> new Article(article.id(), article.tenant(), article.title(), article.body(),
                        article.keywords(), article.linkedTickets(), article.published(), article.createdAt(),
                        article.updatedAt(), version));
    }

    /** The reference answer: {@link ArticleSearch#search} over the tenant's articles. */
    @Override
    public List<Article> search(TenantId tenant, String query, int limit) {
        Ordering.checkLimit(limit);
        return transactions.read(tables -> ArticleSearch.search(Tables.ofTenant(tables.articles, tenant).toList(), query)
                .stream().limit(limit).toList());
    }
}
