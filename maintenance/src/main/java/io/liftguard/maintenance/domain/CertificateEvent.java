package io.liftguard.maintenance.domain;

import io.liftguard.kernel.CborSerializable;
import java.time.Instant;

/**
 * What happened to a maintainer's certificate. The records' names are persisted as their type
 * (maintenance/json/MaintenanceJsonModule).
 */
public sealed interface CertificateEvent extends CborSerializable {
  Instant recordedAt();

  String recordedBy();

  /** The certificate was issued, or issued again (renewed, or moved to another company). */
  record Issued(Certificate certificate, Instant recordedAt, String recordedBy)
      implements CertificateEvent {}
}
