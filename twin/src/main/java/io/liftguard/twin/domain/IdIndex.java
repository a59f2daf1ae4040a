package io.liftguard.twin.domain;

import io.liftguard.twin.CborSerializable;
import io.liftguard.twin.domain.access.AccessPolicy;
import io.liftguard.twin.domain.access.ElevatorScope;
import io.liftguard.twin.domain.access.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One bucket of the registered-elevator index: entries sorted by id, each with the register attributes that
 * decide who may see it, so a listing can be scoped without asking every twin. Immutable; {@link #with}
 * copies, which stays cheap because the index is spread over many buckets.
 */
public record IdIndex(List<ElevatorScope> entries) implements CborSerializable {
  private static final Comparator<ElevatorScope> BY_ID = Comparator.comparing(ElevatorScope::id);

  public static IdIndex empty() {
    return new IdIndex(List.of());
  }

  private int find(String id) {
    return Collections.binarySearch(entries, new ElevatorScope(id, null, null, null, null), BY_ID);
  }

  public boolean contains(ElevatorScope entry) {
    int at = find(entry.id());
    return at >= 0 && entries.get(at).equals(entry);
  }

  /** Adds the entry, or replaces the one with the same id. */
  public IdIndex with(ElevatorScope entry) {
    int at = find(entry.id());
    List<ElevatorScope> next = new ArrayList<>(entries.size() + 1);
    next.addAll(entries);
    if (at >= 0) {
      next.set(at, entry);
    } else {
      next.add(-at - 1, entry);
    }
    return new IdIndex(Collections.unmodifiableList(next));
  }

  /** Up to {@code limit} ids after {@code after} (null: from the start) that {@code viewer} may see, in order. */
  public List<String> page(String after, int limit, Principal viewer) {
    int from = 0;
    if (after != null) {
      int at = find(after);
      from = at >= 0 ? at + 1 : -at - 1;
    }
    List<String> out = new ArrayList<>(Math.min(limit, 64));
    for (int i = from; i < entries.size() && out.size() < limit; i++) {
      ElevatorScope e = entries.get(i);
      if (viewer == null || AccessPolicy.covers(viewer, e)) {
        out.add(e.id());
      }
    }
    return List.copyOf(out);
  }

  /** Merges sorted pages from several buckets into the first {@code limit} ids overall. */
  public static List<String> mergePages(List<List<String>> pages, int limit) {
    List<String> all = new ArrayList<>();
    pages.forEach(all::addAll);
    Collections.sort(all);
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }
}
