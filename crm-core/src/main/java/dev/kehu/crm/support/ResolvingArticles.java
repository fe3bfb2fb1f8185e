package dev.kehu.crm.support;

import dev.kehu.crm.security.Actor;

/**
 * Port: records that a knowledge-base article resolved a ticket. The knowledge base implements it (it knows
 * tickets; tickets do not know it), and {@code Kehu} wires it, so a resolution and its link commit together.
 */
@FunctionalInterface
public interface ResolvingArticles {
    /**
     * Links the article to the ticket, in the calling transaction.
     *
     * @throws dev.kehu.crm.common.KehuException when the article is unknown or already linked to the ticket
     */
    void link(Actor actor, String article, TicketId ticket);
}
