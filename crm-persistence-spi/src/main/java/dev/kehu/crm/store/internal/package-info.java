/** Not API: the in-memory store's parts. Hosts and adapters use {@link dev.kehu.crm.store.InMemoryCrmStore}. */
package dev.kehu.crm.store.internal;
