/**
 * Data migration (数据迁移, Y4): customers with their contacts imported in bulk from a spreadsheet or CSV the
 * host has read, checked and normalised exactly as the single-record use cases check them, duplicates by customer
 * number skipped, invalid rows reported with their violations, and the rest written in chunks, each one
 * transaction with batched writes. {@link dev.kehu.crm.migration.ImportService} ({@code Kehu.imports()}) runs it.
 */
package dev.kehu.crm.migration;
