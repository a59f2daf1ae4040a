package io.liftguard.maintenance;

import static io.liftguard.kernel.readside.Sql.date;
import static io.liftguard.kernel.readside.Sql.ts;
import static io.liftguard.kernel.readside.Sql.update;

import io.liftguard.maintenance.domain.Contract;
import io.liftguard.maintenance.domain.ContractEvent;
import io.liftguard.maintenance.domain.MaintenanceMode;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes contract events to {@code maintenance_contract} and {@code maintenance_contract_elevator},
 * inside the projection's transaction (exactly once): the version in force replaces the one before,
 * elevators and days included.
 */
final class ContractWriter {
  private ContractWriter() {}

  static void apply(Connection c, ContractEvent event) throws SQLException {
    if (event instanceof ContractEvent.Signed e) {
      Contract k = e.contract();
      update(c, "DELETE FROM maintenance_contract_elevator WHERE contract_id = ?", k.id());
      update(c, "DELETE FROM maintenance_contract WHERE contract_id = ?", k.id());
      boolean fixed = k.mode() instanceof MaintenanceMode.Fixed;
      update(
          c,
          "INSERT INTO maintenance_contract (contract_id, version, using_unit, company, start_day,"
              + " end_day, mode, interval_days, elevators, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
              + " ?, ?, ?)",
          k.id(),
          k.version(),
          k.usingUnit(),
          k.company(),
          date(k.start()),
          date(k.end()),
          fixed ? "FIXED" : "ON_DEMAND",
          fixed
              ? ((MaintenanceMode.Fixed) k.mode()).intervalDays()
              : ((MaintenanceMode.OnDemand) k.mode()).maxIntervalDays(),
          k.elevators().size(),
          ts(e.recordedAt()));
      for (String elevator : k.elevators()) {
        update(
            c,
            "INSERT INTO maintenance_contract_elevator (contract_id, elevator_id, company,"
                + " start_day, end_day) VALUES (?, ?, ?, ?, ?)",
            k.id(),
            elevator,
            k.company(),
            date(k.start()),
            date(k.end()));
      }
    }
  }
}
