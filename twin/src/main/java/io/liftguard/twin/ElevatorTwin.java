package io.liftguard.twin;

import io.liftguard.kernel.CborSerializable;
import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.twin.domain.Complaint;
import io.liftguard.twin.domain.Concern;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.IntelligentAlarm;
import io.liftguard.twin.domain.MaintainerOnSite;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.Rectification;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.SafetyAssessment;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digital twin of one elevator: an event-sourced entity, one per registration code, run under
 * Cluster Sharding. It mirrors live sensor state and register data and keeps every event as the
 * elevator's life-cycle record. The rules live in {@link TwinRules}; this class only orchestrates
 * persistence.
 *
 * <h2>The persistence rule (enforced here)</h2>
 *
 * <ul>
 *   <li>A registration, fault, alarm, entrapment, service-mode change, maintenance visit or
 *       inspection result is persisted before the entity replies: a 2xx from the API means it is in
 *       the journal.
 *   <li>A reading that changes the safety picture (running mode, safety or door-lock circuit, alarm
 *       button) is persisted before the reply too; so is a twin's first reading when that picture
 *       is out of the ordinary.
 *   <li>Other readings are coalesced in memory ({@link #pending}) and acknowledged as not yet
 *       persisted. The first coalesced reading after a write starts a timer of {@code
 *       liftguard.twin.flush-interval} (default 60 s); when it fires the newest live state is
 *       persisted. Any other write, and passivation, persist the pending live state first. So the
 *       persisted live state is never more than the flush interval behind, and a crash loses at
 *       most that much of plain readings, never an accepted event, as long as the node's twins
 *       holding readings can be flushed within the interval at {@code
 *       liftguard.twin.flushes-per-second} and written {@code liftguard.twin.flushes-in-flight} at
 *       a time ({@link FlushSchedule}); beyond that the flushes are spread out and the lag is
 *       logged.
 *   <li>While the store is unavailable ({@link StoreHealth}) no write reaches a twin, and a due
 *       flush waits ({@link #FLUSH_RETRY}) instead of failing, so the twin stays in memory and
 *       keeps answering reads. A persist that fails anyway stops the twin; it is restarted with a
 *       backoff of at most a second and recovers from the journal once the store answers.
 *   <li>The intelligent alarm ({@link IntelligentAlarm}) raises an entrapment with the reading that
 *       makes it due, or, when no reading comes, from a timer at the moment it is due; either way
 *       persisted like a reported one.
 * </ul>
 */
public final class ElevatorTwin
    extends EventSourcedBehaviorWithEnforcedReplies<ElevatorTwin.Command, TwinEvent, TwinState> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "ElevatorTwin");
  private static final Logger log = LoggerFactory.getLogger(ElevatorTwin.class);
  private static final String FLUSH_TIMER = "flush-live-state";
  private static final String ALARM_TIMER = "intelligent-alarm";

  /** How soon a flush that found the store unavailable is tried again. */
  static final Duration FLUSH_RETRY = Duration.ofSeconds(1);

  /** What a twin can be asked to do. */
  public sealed interface Command extends CborSerializable {}

  /** Enter the register; replies "created" or "unchanged". */
  public record Register(RegisterData data, String by, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /**
   * Mirror a batch of readings, all for this elevator. With a {@code writer}, the twin first checks
   * that the writer may write this elevator's telemetry and answers as if it were not registered
   * when not (so a gateway cannot probe the register); that saves the API a second ask per
   * elevator. Without one ({@code null}), the caller has checked.
   */
  public record RecordReadings(
      List<Reading> readings,
      String by,
      Principal writer,
      ActorRef<StatusReply<ReadingsAck>> replyTo)
      implements Command {
    public RecordReadings(
        List<Reading> readings, String by, ActorRef<StatusReply<ReadingsAck>> replyTo) {
      this(readings, by, null, replyTo);
    }
  }

  /**
   * Record a fault, alarm, entrapment or service-mode change; replies "recorded" or "duplicate".
   */
  public record ReportEvent(
      ReportedEvent event, String by, Role role, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /** Record a maintenance visit; replies "recorded" or "duplicate". */
  public record RecordMaintenance(
      MaintenanceVisit visit, String by, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /**
   * A maintainer checks in at the car (holds the intelligent alarm); replies "checked-in" or
   * "duplicate".
   */
  public record CheckIn(MaintainerOnSite visit, String by, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /**
   * The maintainer of {@code visitId} checks out at {@code at}, recording the visit; replies
   * "checked-out" or "duplicate".
   */
  public record CheckOut(
      String visitId, Instant at, String notes, String by, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /** Record an inspection result; replies "recorded" or "duplicate". */
  public record RecordInspection(
      InspectionResult result, String by, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /** File a complaint; replies "recorded" or "duplicate". */
  public record FileComplaint(Complaint complaint, String by, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /** Record a drum-brake campaign status; replies "recorded" or "duplicate". */
  public record RecordRectification(
      Rectification rectification, String by, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /** Record a safety assessment's result; replies "recorded" or "duplicate". */
  public record RecordAssessment(
      SafetyAssessment assessment, String by, ActorRef<StatusReply<String>> replyTo)
      implements Command {}

  /**
   * May {@code writer} write this elevator's telemetry? Replies true or false (false also when the
   * elevator is not registered): a batch for several elevators asks every twin first, so that it
   * refuses the whole batch before applying any of it.
   */
  public record CheckWriter(Principal writer, ActorRef<StatusReply<Boolean>> replyTo)
      implements Command {}

  /** Read the twin: persisted state plus the newest live state. */
  public record GetTwin(ActorRef<StatusReply<TwinView>> replyTo) implements Command {}

  /** Sent by sharding before it stops an idle twin: persist the pending live state, then stop. */
  public record Passivate() implements Command {}

  /** Timer: persist the coalesced live state. */
  record FlushLiveState() implements Command {}

  /**
   * Timer: the intelligent alarm is due for the stuck car, unless a reading changed the picture
   * meanwhile.
   */
  record CheckAlarm() implements Command {}

  /**
   * Acknowledges readings. {@code persisted} is false when the newest live state is held in memory
   * until the next flush (at most the flush interval).
   */
  public record ReadingsAck(int accepted, int stale, boolean persisted)
      implements CborSerializable {}

  /**
   * The twin as a reader sees it. {@code live} may be newer than {@code state.live()} (coalesced
   * readings).
   */
  public record TwinView(String elevatorId, TwinState state, Reading live)
      implements CborSerializable {}

  private final String elevatorId;
  private final TwinSettings settings;
  private final Clock clock;
  private final TimerScheduler<Command> timers;
  private final StoreHealth storeHealth;
  private final FlushSchedule flushes;

  /**
   * Tells this twin its turn in the node's line of flushes has come ({@link
   * FlushSchedule#tryStart}).
   */
  private final Runnable wakeUp;

  private final Supplier<RiskModel> riskModel;
  private final Set<String> tags;

  /** The newest live state when it is newer than the persisted one; null otherwise. */
  private Reading pending;

  /** Who sent the newest coalesced reading. */
  private String pendingBy;

  /**
   * Whether this twin holds one of its node's places for a flush being written ({@link
   * FlushSchedule#tryStart}).
   */
  private boolean flushInFlight;

  /**
   * Starts this node's shard region of twins; answers the node's flush budget, which all its twins
   * share.
   */
  static FlushSchedule init(
      ActorSystem<?> system,
      TwinSettings settings,
      Clock clock,
      StoreHealth storeHealth,
      Supplier<RiskModel> riskModel) {
    FlushSchedule flushes = FlushSchedule.of(settings);
    ClusterSharding.get(system)
        .init(
            Entity.of(
                    TYPE_KEY,
                    ctx ->
                        create(ctx.getEntityId(), settings, clock, storeHealth, riskModel, flushes))
                .withStopMessage(new Passivate()));
    return flushes;
  }

  /** A twin with a flush budget of its own (tests, replays): sharded twins share their node's. */
  public static Behavior<Command> create(
      String elevatorId,
      TwinSettings settings,
      Clock clock,
      StoreHealth storeHealth,
      RiskModel riskModel) {
    return create(
        elevatorId, settings, clock, storeHealth, () -> riskModel, FlushSchedule.of(settings));
  }

  /** A twin assessing its risk with whatever model {@code riskModel} serves at each assessment. */
  static Behavior<Command> create(
      String elevatorId,
      TwinSettings settings,
      Clock clock,
      StoreHealth storeHealth,
      Supplier<RiskModel> riskModel,
      FlushSchedule flushes) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers ->
                    new ElevatorTwin(
                        elevatorId,
                        settings,
                        clock,
                        ctx.getSelf(),
                        timers,
                        storeHealth,
                        riskModel,
                        flushes)));
  }

  public static PersistenceId persistenceId(String elevatorId) {
    return PersistenceId.of(TYPE_KEY.name(), elevatorId);
  }

  private ElevatorTwin(
      String elevatorId,
      TwinSettings settings,
      Clock clock,
      ActorRef<Command> self,
      TimerScheduler<Command> timers,
      StoreHealth storeHealth,
      Supplier<RiskModel> riskModel,
      FlushSchedule flushes) {
    super(persistenceId(elevatorId), StoreHealth.entityRestart());
    this.elevatorId = elevatorId;
    this.settings = settings;
    this.clock = clock;
    this.timers = timers;
    this.storeHealth = storeHealth;
    this.riskModel = riskModel;
    this.flushes = flushes;
    this.wakeUp = () -> self.tell(new FlushLiveState());
    this.tags = Set.of(settings.tagOf(elevatorId));
  }

  /**
   * Every event carries its elevator's tag (the fleet read model reads them all), and the tags of
   * the concerns it matters to ({@link Concern}), so the rescue, insurance and warning projections
   * read only their events.
   */
  @Override
  public Set<String> tagsFor(TwinEvent event) {
    Set<Concern> concerns = Concern.of(event);
    if (concerns.isEmpty()) {
      return tags;
    }
    Set<String> all = new HashSet<>(tags);
    concerns.forEach(c -> all.add(settings.tagOf(elevatorId, c)));
    return all;
  }

  @Override
  public TwinState emptyState() {
    return TwinState.empty();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    // Snapshots only: events are never deleted, they are the traceability record.
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public CommandHandlerWithReply<Command, TwinEvent, TwinState> commandHandler() {
    // One case that dispatches itself, not a builder case per command: the builder's cases and
    // lambdas are built for every twin and cost about 1 KB of heap each (docs/benchmarks.md, heap
    // per twin).
    return newCommandHandlerWithReplyBuilder().forAnyState().onAnyCommand(this::onCommand);
  }

  private ReplyEffect<TwinEvent, TwinState> onCommand(TwinState s, Command command) {
    if (command instanceof RecordReadings c) {
      return onReadings(s, c);
    } else if (command instanceof GetTwin c) {
      return onGet(s, c);
    } else if (command instanceof CheckWriter c) {
      return Effect().reply(c.replyTo(), StatusReply.success(s.acceptsTelemetryFrom(c.writer())));
    } else if (command instanceof Register c) {
      return apply(s, TwinRules.register(s, c.data(), now(), c.by()), c.replyTo());
    } else if (command instanceof ReportEvent c) {
      return apply(
          s,
          TwinRules.report(
              s, elevatorId, c.event(), now(), settings.timeWindow(), c.by(), c.role()),
          c.replyTo());
    } else if (command instanceof RecordMaintenance c) {
      return apply(
          s,
          TwinRules.maintenance(s, elevatorId, c.visit(), now(), settings.timeWindow(), c.by()),
          c.replyTo());
    } else if (command instanceof CheckIn c) {
      return apply(
          s,
          TwinRules.checkIn(s, elevatorId, c.visit(), now(), settings.timeWindow(), c.by()),
          c.replyTo());
    } else if (command instanceof CheckOut c) {
      return apply(
          s,
          TwinRules.checkOut(
              s, elevatorId, c.visitId(), c.at(), c.notes(), now(), settings.timeWindow(), c.by()),
          c.replyTo());
    } else if (command instanceof RecordInspection c) {
      return apply(s, TwinRules.inspection(s, elevatorId, c.result(), now(), c.by()), c.replyTo());
    } else if (command instanceof FileComplaint c) {
      return apply(
          s,
          TwinRules.complaint(s, elevatorId, c.complaint(), now(), settings.timeWindow(), c.by()),
          c.replyTo());
    } else if (command instanceof RecordRectification c) {
      return apply(
          s, TwinRules.rectification(s, elevatorId, c.rectification(), now(), c.by()), c.replyTo());
    } else if (command instanceof RecordAssessment c) {
      return apply(
          s, TwinRules.assessment(s, elevatorId, c.assessment(), now(), c.by()), c.replyTo());
    } else if (command instanceof FlushLiveState) {
      return flush(s);
    } else if (command instanceof CheckAlarm) {
      return checkAlarm(s);
    } else if (command instanceof Passivate) {
      return passivate(s);
    }
    throw new IllegalArgumentException("unknown twin command " + command.getClass().getName());
  }

  @Override
  public SignalHandler<TwinState> signalHandler() {
    // A twin restarted or passivated while its car is stuck picks the alarm up where its persisted
    // state left it; one whose flush failed (restart) or that stops gives back its place among the
    // node's flushes in flight.
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::armAlarm)
        .onSignal(PreRestart.instance(), state -> flushFinished(false))
        .onSignal(PostStop.instance(), state -> flushFinished(false))
        .build();
  }

  @Override
  public EventHandler<TwinState, TwinEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(TwinState::apply);
  }

  private ReplyEffect<TwinEvent, TwinState> apply(
      TwinState state, Decision<TwinEvent> decision, ActorRef<StatusReply<String>> replyTo) {
    if (decision instanceof Decision.Reject<TwinEvent> r) {
      return Effect().reply(replyTo, StatusReply.error(r.rejection().asStatusText()));
    }
    Decision.Accept<TwinEvent> a = (Decision.Accept<TwinEvent>) decision;
    if (a.events().isEmpty()) {
      return Effect().reply(replyTo, StatusReply.success(a.outcome()));
    }
    String by = a.events().get(0).recordedBy();
    return Effect()
        .persist(withRisk(state, withPendingFirst(a.events()), null, by))
        .thenRun(this::armAlarm)
        .thenReply(replyTo, s -> StatusReply.success(a.outcome()));
  }

  private ReplyEffect<TwinEvent, TwinState> onReadings(TwinState state, RecordReadings cmd) {
    if (cmd.writer() != null && !state.acceptsTelemetryFrom(cmd.writer())) {
      return Effect()
          .reply(
              cmd.replyTo(), StatusReply.error(Rejection.notRegistered(elevatorId).asStatusText()));
    }
    Reading newest = pending != null ? pending : state.live();
    TwinRules.ReadingsDecision decision =
        TwinRules.readings(
            state,
            newest,
            cmd.readings(),
            now(),
            settings.timeWindow(),
            settings.alarm(),
            cmd.by());
    if (decision instanceof TwinRules.ReadingsRefused r) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(r.rejection().asStatusText()));
    }
    TwinRules.ReadingOutcome outcome =
        TwinRules.withBandCrossing(
            state, (TwinRules.ReadingOutcome) decision, now(), riskModel.get(), cmd.by());
    ReadingsAck ack = new ReadingsAck(outcome.accepted(), outcome.stale(), !outcome.coalesced());
    if (outcome.events().isEmpty()) {
      if (outcome.coalesced()) {
        holdPending(outcome.live(), cmd.by());
      }
      return Effect().reply(cmd.replyTo(), StatusReply.success(ack));
    }
    // The events carry the state right after each safety change, merged onto everything before it,
    // so any older pending state is superseded by them.
    cancelPending();
    if (outcome.coalesced()) {
      holdPending(outcome.live(), cmd.by());
    }
    return Effect()
        .persist(withRisk(state, outcome.events(), outcome.live(), cmd.by()))
        .thenRun(this::armAlarm)
        .thenReply(cmd.replyTo(), s -> StatusReply.success(ack));
  }

  private ReplyEffect<TwinEvent, TwinState> onGet(TwinState state, GetTwin cmd) {
    if (!state.isRegistered()) {
      return Effect()
          .reply(
              cmd.replyTo(), StatusReply.error(Rejection.notRegistered(elevatorId).asStatusText()));
    }
    Reading live = pending != null ? pending : state.live();
    return Effect()
        .reply(cmd.replyTo(), StatusReply.success(new TwinView(elevatorId, state, live)));
  }

  private ReplyEffect<TwinEvent, TwinState> flush(TwinState state) {
    if (pending == null) {
      flushes.passTurn(); // a wake-up from the line after this twin's readings were written with
      // another event
      return Effect().noReply();
    }
    if (!storeHealth.available()) {
      timers.startSingleTimer(FLUSH_TIMER, new FlushLiveState(), FLUSH_RETRY);
      return Effect().noReply();
    }
    if (!flushes.tryStart(wakeUp)) {
      timers.startSingleTimer(FLUSH_TIMER, new FlushLiveState(), FlushSchedule.busyRetry());
      return Effect().noReply();
    }
    flushInFlight = true;
    String by = pendingBy;
    return Effect()
        .persist(
            withRisk(
                state,
                TwinRules.withWarnings(state, withPendingFirst(List.of()), now(), by),
                null,
                by))
        .thenRun(written -> flushFinished(true))
        .thenNoReply();
  }

  /**
   * Gives the flush's place back, whether its write succeeded or failed (the twin then stops or
   * restarts).
   */
  /**
   * Gives this twin's place for a flush back: {@code written}, or ended unconfirmed by a restart or
   * stop.
   */
  private void flushFinished(boolean written) {
    if (flushInFlight) {
      flushInFlight = false;
      if (written) {
        flushes.finished();
      } else {
        flushes.failed();
      }
    }
  }

  private ReplyEffect<TwinEvent, TwinState> checkAlarm(TwinState state) {
    List<TwinEvent> alarm = TwinRules.alarmCheck(state, settings.alarm(), now());
    if (alarm.isEmpty()) {
      armAlarm(
          state); // not due yet by the clock (a timer may fire early against an injected clock)
      return Effect().noReply();
    }
    if (!storeHealth.available()) {
      timers.startSingleTimer(ALARM_TIMER, new CheckAlarm(), FLUSH_RETRY);
      return Effect().noReply();
    }
    String by = IntelligentAlarm.RECORDED_BY;
    return Effect()
        .persist(withRisk(state, withPendingFirst(alarm), null, by))
        .thenRun(this::armAlarm)
        .thenNoReply();
  }

  /**
   * Starts the alarm's timer for when it is due for the stuck car {@code state} shows, or stops it.
   */
  private void armAlarm(TwinState state) {
    Instant due = settings.alarm().timerAt(state.stuck(), state.onSite());
    boolean entrapmentOpen =
        state.open().stream()
            .anyMatch(o -> o.eventType().category() == EventType.Category.ENTRAPMENT);
    if (due == null || entrapmentOpen) {
      timers.cancel(ALARM_TIMER);
      return;
    }
    Duration in = Duration.between(now(), due);
    timers.startSingleTimer(ALARM_TIMER, new CheckAlarm(), in.isNegative() ? Duration.ZERO : in);
  }

  private ReplyEffect<TwinEvent, TwinState> passivate(TwinState state) {
    if (pending == null) {
      return Effect().stop().thenNoReply();
    }
    if (!storeHealth.available()) {
      // Sharding is stopping this twin; a persist now would fail and restart it instead. The
      // readings held were acknowledged as not yet persisted (the rule's allowance), so stop
      // without them.
      log.warn(
          "{}: passivated while the store is unavailable; coalesced readings up to {} are not"
              + " persisted",
          elevatorId,
          pending.timestamp());
      return Effect().stop().thenNoReply();
    }
    String by = pendingBy;
    return Effect()
        .persist(
            withRisk(
                state,
                TwinRules.withWarnings(state, withPendingFirst(List.of()), now(), by),
                null,
                by))
        .thenStop()
        .thenNoReply();
  }

  private void holdPending(Reading live, String by) {
    pending = live;
    pendingBy = by;
    if (!timers.isTimerActive(FLUSH_TIMER)) {
      timers.startSingleTimer(
          FLUSH_TIMER, new FlushLiveState(), flushes.reserve(settings.flushInterval()));
    }
  }

  private void cancelPending() {
    pending = null;
    pendingBy = null;
    timers.cancel(FLUSH_TIMER);
  }

  /**
   * Puts the pending live state, if any, in front of {@code events} so one write brings both to the
   * journal.
   */
  private List<TwinEvent> withPendingFirst(List<TwinEvent> events) {
    if (pending == null) {
      return events;
    }
    List<TwinEvent> all = new ArrayList<>(events.size() + 1);
    all.add(new TwinEvent.LiveStateRecorded(pending, now(), pendingBy));
    all.addAll(events);
    cancelPending();
    return all;
  }

  /**
   * {@code events} with the risk assessment they make due, if any ({@code live}: a newer coalesced
   * reading).
   */
  private List<TwinEvent> withRisk(
      TwinState state, List<TwinEvent> events, Reading live, String by) {
    return TwinRules.withRisk(state, events, live, now(), riskModel.get(), by);
  }

  private Instant now() {
    return clock.instant();
  }
}
