package dev.kehu.crm.knowledge;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.internal.Input;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.support.ResolvingArticles;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.ServiceTickets;
import dev.kehu.crm.support.TicketId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base (知识库, S6): write articles, publish or withdraw them, find them by keyword, and see the
 * tickets each one resolved. Obtain it from {@code Kehu.knowledge()}; it also links an article to the ticket it
 * resolved when {@code Kehu.service().resolve} names one.
 */
public final class KnowledgeService implements ResolvingArticles {
    /** The most keywords an article has. */
    public static final int MAX_KEYWORDS = 50;

    private final ServiceContext context;
    private final Articles articles;
    private final ServiceTickets tickets;
    private final RecordKeeper<ArticleId, Article> keeper;

    public KnowledgeService(ServiceContext context, Articles articles, ServiceTickets tickets) {
        this.context = context;
        this.articles = articles;
        this.tickets = tickets;
        this.keeper = new RecordKeeper<>(context, Article.RECORD_TYPE, articles::find, articles::save, a -> null,
                Article::version);
    }

    /** A draft article, not offered to searches until published. */
    public Article write(Actor actor, String title, String body, List<String> keywords) {
        context.authorize(actor, "knowledge-article.create", Article.RECORD_TYPE, null);
        checkText(actor, title, body, keywords);
        return context.inTransaction(actor, () -> {
            Article article = Article.write(new ArticleId(context.nextId()), actor.tenant(), title, body,
                    keywords == null ? List.of() : keywords, context.now());
            return keeper.create(actor, article.id(), "knowledge-article.create", article);
        });
    }

    public Article edit(Actor actor, ArticleId id, long expectedVersion, String title, String body,
                        List<String> keywords) {
        checkText(actor, title, body, keywords);
        return keeper.change(actor, id, expectedVersion, "knowledge-article.update",
                a -> a.edit(title, body, keywords == null ? List.of() : keywords, context.now()));
    }

    public Article publish(Actor actor, ArticleId id, long expectedVersion) {
        return keeper.change(actor, id, expectedVersion, "knowledge-article.publish", a -> a.publish(context.now()));
    }

    public Article withdraw(Actor actor, ArticleId id, long expectedVersion) {
        return keeper.change(actor, id, expectedVersion, "knowledge-article.withdraw", a -> a.withdraw(context.now()));
    }

    public Optional<Article> find(Actor actor, ArticleId id) {
        return keeper.find(actor, id);
    }

    /** The published articles matching what the agent typed, best first (see {@link ArticleSearch}). */
    public List<Article> search(Actor actor, String query, int limit) {
        context.authorize(actor, "knowledge-article.read", Article.RECORD_TYPE, null);
        return articles.search(actor.tenant(), Text.searchable(query), limit);
    }

    /** An article's title, body and keywords by the rules of their kinds; at most {@value #MAX_KEYWORDS} keywords. */
    private void checkText(Actor actor, String title, String body, List<String> keywords) {
        Problems problems = context.validator().check(actor.locale(), "title", Input.LINE, title)
                .check("body", Input.DOCUMENT, body);
        if (keywords != null) {
            if (keywords.size() > MAX_KEYWORDS) {
                problems.add("keywords", "knowledge.keywords.too-many", keywords.size(), keywords.size(), MAX_KEYWORDS);
            }
            for (int i = 0; i < keywords.size(); i++) problems.check("keywords[" + i + "]", Input.LINE, keywords.get(i));
        }
        problems.throwIfAny();
    }

    /** The tickets the article resolved, newest first. */
    public List<ServiceTicket> resolvedTickets(Actor actor, ArticleId id) {
        Article article = keeper.get(actor, id);
        return article.linkedTickets().stream().map(t -> tickets.find(actor.tenant(), t)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(ServiceTicket::createdAt).reversed()).toList();
    }

    /** Records that the article resolved the ticket, which must exist; audited as a change of the article. */
    @Override
    public void link(Actor actor, String article, TicketId ticket) {
        requireNonNull(article, "article");
        context.checkInput(actor, "article", Input.ID, article);
        ArticleId id = new ArticleId(article);
        context.inTransaction(actor, () -> {
            if (tickets.find(actor.tenant(), ticket).isEmpty()) {
                context.rejectInput(actor.locale(), "ticket", "service-ticket.not-found", ticket.value(), ticket.value());
            }
            return keeper.change(actor, id, "knowledge-article.link", a -> a.link(ticket, context.now()));
        });
    }
}
