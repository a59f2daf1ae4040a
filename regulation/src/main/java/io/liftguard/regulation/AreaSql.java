package io.liftguard.regulation;

import io.liftguard.regulation.domain.Area;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code f.}-prefixed conditions on fleet_elevator_public for an area ({@code " AND ..."} or
 * empty), and their parameters.
 */
record AreaSql(String sql, List<Object> params) {
  static AreaSql of(Area a) {
    return switch (a.level()) {
      case CITY -> new AreaSql("", List.of());
      case DISTRICT ->
          new AreaSql(" AND f.district_key = ?", List.of(a.district().toLowerCase(Locale.ROOT)));
      case STREET ->
          new AreaSql(
              " AND f.district_key = ? AND LOWER(f.street) = ?",
              List.of(a.district().toLowerCase(Locale.ROOT), a.street().toLowerCase(Locale.ROOT)));
    };
  }

  /** {@code first}, then this area's parameters. */
  Object[] with(Object... first) {
    List<Object> all = new ArrayList<>(List.of(first));
    all.addAll(params);
    return all.toArray();
  }
}
