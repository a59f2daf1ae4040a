package io.liftguard.twin.domain.access;

/** What a request does. Elevator actions are checked against one elevator's register data. */
public enum Action {
  /** Read one twin or its history. */
  READ_TWIN(true),
  /** Send telemetry for an elevator. */
  WRITE_TELEMETRY(true),
  /** Report a fault, alarm, entrapment or service mode. */
  REPORT_EVENT(true),
  /** Record a maintenance visit. */
  RECORD_MAINTENANCE(true),
  /** Record a periodic inspection result. */
  RECORD_INSPECTION(true),
  /** File a complaint about an elevator. */
  FILE_COMPLAINT(true),
  /** Record a drum-brake campaign status or a safety assessment's result. */
  RECORD_SUPERVISION(true),
  /**
   * Read the regulator's lists: actions due, the drum-brake campaign, ratings and product quality.
   */
  READ_SUPERVISION(false),
  /** Register an elevator (checked against the data being registered). */
  REGISTER(true),
  /** List the elevators one may see. */
  LIST_ELEVATORS(false),
  /** Issue credentials for other principals. */
  MINT_CREDENTIALS(false),
  /** Ask whether another principal may do something. */
  CHECK_OTHERS(false);

  private final boolean onElevator;

  Action(boolean onElevator) {
    this.onElevator = onElevator;
  }

  public boolean isOnElevator() {
    return onElevator;
  }
}
