package io.liftguard.faulttests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The independent check: what the clients were told (every request's outcome) against what the
 * journal holds (read back over the API). An acknowledged event must be in the journal exactly
 * once; an event whose request got no 2xx may be there at most once; nothing may be there that no
 * client sent.
 */
final class Ledger {
  /** What the comparison found; the lists name the offending eventIds. */
  record Result(
      int sent,
      int acknowledged,
      int unacknowledged,
      int unacknowledgedButPersisted,
      List<String> lost,
      List<String> duplicated,
      List<String> phantom) {
    boolean clean() {
      return lost.isEmpty() && duplicated.isEmpty() && phantom.isEmpty();
    }

    String summary() {
      return ("sent %,d, acknowledged %,d, not acknowledged %,d (of which persisted %,d), lost %d,"
              + " duplicated %d, phantom %d")
          .formatted(
              sent,
              acknowledged,
              unacknowledged,
              unacknowledgedButPersisted,
              lost.size(),
              duplicated.size(),
              phantom.size());
    }
  }

  /** eventId -> the outcome of its last attempt, in sending order. */
  private final Map<String, EventLoad.Outcome> last = new LinkedHashMap<>();

  /** eventIds that got a 2xx on some attempt. */
  private final Set<String> acknowledged = new TreeSet<>();

  Ledger(List<EventLoad.Outcome> outcomes) {
    outcomes.forEach(this::record);
  }

  void record(EventLoad.Outcome o) {
    last.put(o.eventId(), o);
    if (o.acknowledged()) {
      acknowledged.add(o.eventId());
    }
  }

  /** The requests no client got a 2xx for: a gateway retries these. */
  List<EventLoad.Outcome> unacknowledged() {
    return last.values().stream().filter(o -> !acknowledged.contains(o.eventId())).toList();
  }

  /** The elevators written to. */
  Set<String> elevators() {
    Set<String> ids = new TreeSet<>();
    last.values().forEach(o -> ids.add(o.elevatorId()));
    return ids;
  }

  /** Compares with the journal: eventId -> occurrences, over every elevator written to. */
  Result check(Map<String, Integer> journal) {
    List<String> lost = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    List<String> phantom = new ArrayList<>();
    int unackedPersisted = 0;
    for (String id : last.keySet()) {
      int n = journal.getOrDefault(id, 0);
      if (n > 1) {
        duplicated.add(id);
      }
      if (acknowledged.contains(id)) {
        if (n == 0) {
          lost.add(id);
        }
      } else if (n == 1) {
        unackedPersisted++;
      }
    }
    for (String id : journal.keySet()) {
      if (!last.containsKey(id)) {
        phantom.add(id);
      }
    }
    return new Result(
        last.size(),
        acknowledged.size(),
        last.size() - acknowledged.size(),
        unackedPersisted,
        lost,
        duplicated,
        phantom);
  }

  /** Every elevator's history, merged: eventId -> occurrences. */
  static Map<String, Integer> journal(Api api, Set<String> elevators) {
    Map<String, Integer> all = new HashMap<>();
    for (String e : elevators) {
      api.journalEventIds(e).forEach((id, n) -> all.merge(id, n, Integer::sum));
    }
    return all;
  }
}
