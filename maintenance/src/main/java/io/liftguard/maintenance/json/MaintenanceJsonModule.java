package io.liftguard.maintenance.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.liftguard.kernel.json.PlatformJson;
import io.liftguard.maintenance.domain.CertificateEvent;
import io.liftguard.maintenance.domain.CertificateRecord;
import io.liftguard.maintenance.domain.ContractEvent;
import io.liftguard.maintenance.domain.ContractHistory;
import io.liftguard.maintenance.domain.MaintenanceMode;
import java.util.Map;

/**
 * The JSON and CBOR form of the maintenance domain ({@link PlatformJson}), as mix-ins: events and a
 * contract's mode carry their kind by name ({@code "type": "Fixed"} or {@code "OnDemand"}), in the
 * journal and on the API alike.
 */
public final class MaintenanceJsonModule extends SimpleModule {
  public MaintenanceJsonModule() {
    super("liftguard-maintenance");
    for (Class<?> sealed :
        new Class<?>[] {ContractEvent.class, CertificateEvent.class, MaintenanceMode.class}) {
      setMixInAnnotation(sealed, PlatformJson.TypedByName.class);
      registerSubtypes(PlatformJson.namedSubtypes(sealed, Map.of()));
    }
    setMixInAnnotation(ContractHistory.class, ExistsMixIn.class);
    setMixInAnnotation(CertificateRecord.class, ExistsMixIn.class);
  }

  /** Derived, not state. */
  interface ExistsMixIn {
    @JsonIgnore
    boolean exists();
  }
}
