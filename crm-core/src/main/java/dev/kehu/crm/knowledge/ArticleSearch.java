package dev.kehu.crm.knowledge;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finding knowledge-base articles by what an agent types. Pure, in memory: a store may search its own way,
 * but should find what this finds.
 *
 * <p>The query is split into terms at spaces (the ideographic space too) and at commas, semicolons and the
 * enumeration comma (、); an article matches when every term occurs in its title, its body or one of its
 * keywords. Chinese needs no word splitting: a term matches wherever its characters occur. Case does not
 * count, nor full-width against half-width forms (ＶＰＮ finds VPN). A blank query matches every article.
 */
public final class ArticleSearch {
    private static final int EXACT_KEYWORD = 4;
    private static final int IN_KEYWORD = 3;
    private static final int IN_TITLE = 2;
    private static final int IN_BODY = 1;

    /** Text by Unicode code point, as a binary collation orders it ({@code String.compareTo} differs above U+FFFF). */
    private static final Comparator<String> BY_CODE_POINT = (a, b) -> Arrays.compare(a.codePoints().toArray(),
            b.codePoints().toArray());

    private ArticleSearch() {
    }

    /** Whether {@code article} matches {@code query}, published or not. */
    public static boolean matches(Article article, String query) {
        return relevance(article, query) > 0;
    }

    /**
     * How well {@code article} matches {@code query}: 0 when some term occurs nowhere; otherwise the sum, over
     * the terms, of where each occurs best — as a whole keyword, within a keyword, in the title, in the body.
     * A blank query gives 1 for every article.
     */
    public static int relevance(Article article, String query) {
        List<String> terms = terms(query);
        if (terms.isEmpty()) return 1;
        String title = normalize(article.title());
        String body = normalize(article.body());
        List<String> keywords = article.keywords().stream().map(ArticleSearch::normalize).toList();
        int score = 0;
        for (String term : terms) {
            int best = keywords.contains(term) ? EXACT_KEYWORD
                    : keywords.stream().anyMatch(k -> k.contains(term)) ? IN_KEYWORD
                    : title.contains(term) ? IN_TITLE
                    : body.contains(term) ? IN_BODY : 0;
            if (best == 0) return 0;
            score += best;
        }
        return score;
    }

    /**
     * The published articles matching {@code query}, best first; equal matches by title, then id (both by code
     * point, as every store orders text).
     */
    public static List<Article> search(List<Article> articles, String query) {
        return articles.stream().filter(Article::published).filter(a -> matches(a, query))
                .sorted(Comparator.comparingInt((Article a) -> -relevance(a, query))
                        .thenComparing(Article::title, BY_CODE_POINT).thenComparing(a -> a.id().value(), BY_CODE_POINT))
                .toList();
    }

    /** The terms of {@code query}, each {@linkplain #normalize normalized}; none for a blank query. */
    public static List<String> terms(String query) {
        if (query == null) return List.of();
        return Arrays.stream(normalize(query).split("[\\s\\p{Z},;、]+")).filter(t -> !t.isEmpty()).toList();
    }

    /** Full-width forms folded to their usual ones (NFKC), then lower case. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
