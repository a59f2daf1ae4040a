package io.liftguard.twin.domain.access;

import io.liftguard.kernel.CborSerializable;
import io.liftguard.twin.domain.RegisterData;

/** The register attributes access is decided on, for one elevator. */
public record ElevatorScope(
    String id, String district, String insurer, String maintainer, String usingUnit)
    implements CborSerializable {

  public static ElevatorScope of(RegisterData r) {
    return new ElevatorScope(
        r.registrationCode(), r.district(), r.insurer(), r.maintenanceCompany(), r.usingUnit());
  }
}
