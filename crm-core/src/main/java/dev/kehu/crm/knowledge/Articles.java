package dev.kehu.crm.knowledge;

import dev.kehu.crm.common.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Port: where knowledge-base articles are kept. Every method takes part in the calling thread's transaction of
 * the same store.
 */
public interface Articles {
    Optional<Article> find(TenantId tenant, ArticleId id);

    /**
     * Inserts an article of version 0, or updates one whose stored version equals {@code article.version()}; its
     * keywords (in order) and linked tickets are stored with it.
     *
     * @return the article as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone,
     *         or an insert finds the id taken); nothing is written
     */
    Article save(Article article);

    /**
     * The published articles matching {@code query} as {@link ArticleSearch#matches} says, best first as
     * {@link ArticleSearch#search} orders them, at most {@code limit} (1–1000). A store answers it from search
     * keys kept beside the articles ({@link ArticleSearch#normalize} of the title, the body and each keyword),
     * not by reading every article.
     */
    List<Article> search(TenantId tenant, String query, int limit);
}
