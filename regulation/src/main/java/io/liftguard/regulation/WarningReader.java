package io.liftguard.regulation;

import static io.liftguard.kernel.readside.Sql.instant;
import static io.liftguard.kernel.readside.Sql.prepare;

import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.regulation.domain.Area;
import io.liftguard.regulation.domain.Warning;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The warnings after a number, in an area, in the order they were written. Blocking JDBC on {@code
 * executor}.
 */
public final class WarningReader {
  private final ReadStore store;
  private final Executor executor;

  public WarningReader(ReadStore store, Executor executor) {
    this.store = store;
    this.executor = executor;
  }

  /** A warning with its number (the stream's event id). */
  public record Numbered(long id, Warning warning) {}

  /** At most {@code limit} warnings of {@code area} numbered after {@code after}. */
  public CompletionStage<List<Numbered>> after(Area area, long after, int limit) {
    return store.query(
        c -> {
          String where =
              switch (area.level()) {
                case CITY -> "";
                case DISTRICT -> " AND w.district_key = ?";
                case STREET ->
                    " AND w.district_key = ? AND w.elevator_id IN (SELECT f.elevator_id FROM"
                        + " fleet_elevator_public f WHERE f.district_key = ? AND LOWER(f.street) ="
                        + " ?)";
              };
          List<Object> params = new ArrayList<>(List.of(after));
          if (area.level() != Area.Level.CITY) {
            params.add(area.district().toLowerCase(Locale.ROOT));
          }
          if (area.level() == Area.Level.STREET) {
            params.add(area.district().toLowerCase(Locale.ROOT));
            params.add(area.street().toLowerCase(Locale.ROOT));
          }
          params.add(limit);
          List<Numbered> out = new ArrayList<>();
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT * FROM warning w WHERE w.warning_id > ?"
                          + where
                          + " ORDER BY w.warning_id LIMIT ?",
                      params.toArray());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Numbered(
                      rs.getLong("warning_id"),
                      new Warning(
                          Warning.Kind.valueOf(rs.getString("kind")),
                          rs.getString("elevator_id"),
                          rs.getString("district_key"),
                          instant(rs, "occurred_at"),
                          rs.getString("title"),
                          rs.getString("detail"))));
            }
          }
          return out;
        },
        executor,
        "warnings query");
  }
}
