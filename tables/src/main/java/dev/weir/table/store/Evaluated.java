package dev.weir.table.store;

import dev.weir.table.Item;

/**
 * One item a query or scan evaluated: its key (the start key form a page resumes after), the
 * item to return ({@code null} when the filter dropped it) and its size, counted toward a
 * page's 1 MB.
 */
record Evaluated(Item key, Item item, int size) {}
