/**
 * The knowledge base (知识库, S6): articles answering recurring problems, found by keyword
 * ({@link dev.kehu.crm.knowledge.ArticleSearch}) and linked to the service tickets they resolved.
 */
package dev.kehu.crm.knowledge;
