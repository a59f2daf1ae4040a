package io.liftguard.twin.domain;

import io.liftguard.twin.CborSerializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One bucket of the registered-id index: a sorted, duplicate-free list of ids. Immutable; {@link #with}
 * copies, which stays cheap because the index is spread over many buckets.
 */
public record IdIndex(List<String> ids) implements CborSerializable {

  public static IdIndex empty() {
    return new IdIndex(List.of());
  }

  public boolean contains(String id) {
    return Collections.binarySearch(ids, id) >= 0;
  }

  public IdIndex with(String id) {
    int at = Collections.binarySearch(ids, id);
    if (at >= 0) {
      return this;
    }
    List<String> next = new ArrayList<>(ids.size() + 1);
    next.addAll(ids);
    next.add(-at - 1, id);
    return new IdIndex(Collections.unmodifiableList(next));
  }

  /** Up to {@code limit} ids strictly after {@code after} (null: from the start), in order. */
  public List<String> page(String after, int limit) {
    int from = 0;
    if (after != null) {
      int at = Collections.binarySearch(ids, after);
      from = at >= 0 ? at + 1 : -at - 1;
    }
    return List.copyOf(ids.subList(from, Math.min(ids.size(), from + limit)));
  }

  /** Merges sorted pages from several buckets into the first {@code limit} ids overall. */
  public static List<String> mergePages(List<List<String>> pages, int limit) {
    List<String> all = new ArrayList<>();
    pages.forEach(all::addAll);
    Collections.sort(all);
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }
}
