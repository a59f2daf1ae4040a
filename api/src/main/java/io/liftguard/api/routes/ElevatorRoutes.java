package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.body;
import static io.liftguard.api.http.RouteSupport.elevatorId;
import static io.liftguard.api.http.RouteSupport.number;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequestEntity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.access.Access;
import io.liftguard.api.dto.ElevatorView;
import io.liftguard.api.dto.IdPage;
import io.liftguard.api.dto.ImportResult;
import io.liftguard.api.dto.Persistence;
import io.liftguard.api.dto.WriteResult;
import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Json;
import io.liftguard.api.http.Responses;
import io.liftguard.api.imports.ImportJobs;
import io.liftguard.fleet.FleetReader;
import io.liftguard.fleet.domain.FleetScope;
import io.liftguard.insurance.InsuranceReader;
import io.liftguard.insurance.domain.PolicyAccess;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.maintenance.MaintenanceReader;
import io.liftguard.regulation.AssessmentPdf;
import io.liftguard.regulation.domain.AssessmentReport;
import io.liftguard.rescue.RescueReader;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.ElevatorTwin;
import io.liftguard.twin.domain.ElevatorId;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.AccessPolicy;
import io.liftguard.twin.domain.access.Action;
import io.liftguard.twin.domain.access.ElevatorScope;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.domain.risk.TwinRiskFeatures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.ContentDisposition;
import org.apache.pekko.http.javadsl.model.headers.ContentDispositionTypes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register and the twins: {@code /api/v1/elevators}, its import (a job above {@link
 * ApiSettings#syncImportRows()} rows: {@link ImportJobs}), one twin, its history, integrity checks
 * and safety assessment report.
 */
public final class ElevatorRoutes {
  private static final Logger log = LoggerFactory.getLogger(ElevatorRoutes.class);
  private static final int IMPORT_PARALLELISM = 32;

  private final ElevatorFleet fleet;
  private final FleetReader readModel;
  private final ApiSettings settings;
  private final Clock clock;
  private final ActorSystem<?> system;
  private final Supplier<RiskModel> riskModel;
  private final ImportJobs imports;
  private final InsuranceReader insurance;
  private final RescueReader rescues;
  private final MaintenanceReader maintenance;

  public ElevatorRoutes(
      ElevatorFleet fleet,
      FleetReader readModel,
      ApiSettings settings,
      Clock clock,
      ActorSystem<?> system,
      Supplier<RiskModel> riskModel,
      InsuranceReader insurance,
      RescueReader rescues,
      MaintenanceReader maintenance,
      ImportJobs imports) {
    this.fleet = fleet;
    this.imports = imports;
    this.insurance = insurance;
    this.rescues = rescues;
    this.maintenance = maintenance;
    this.readModel = readModel;
    this.riskModel = riskModel;
    this.settings = settings;
    this.clock = clock;
    this.system = system;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return pathPrefix("elevators", () -> concat(
        pathEnd(() -> concat(get(() -> list(p)), post(() -> register(p)))),
        path("import", () -> post(() -> importRegister(p))),
        pathPrefix(segment(), id -> concat(
            pathEnd(() -> get(() -> twin(p, id))),
            path("history", () -> get(() -> history(p, id))),
            path("integrity", () -> get(() -> integrity(p, id))),
            path("safety-assessment", () -> get(() -> safetyAssessment(p, id)))))));
  }
  // spotless:on

  /**
   * Only the elevators the caller's scope covers are listed, from the read model: a registration
   * appears once the fleet projection has seen it (its lag is on /health).
   */
  private Route list(Principal p) {
    return parameterOptional(
        "limit",
        limit ->
            parameterOptional(
                "after",
                after ->
                    safely(
                        () -> {
                          Access.require(p, Action.LIST_ELEVATORS);
                          int n = (int) number(limit, "limit", 100, 1, settings.maxPage());
                          after.ifPresent(a -> elevatorId(a));
                          return Responses.respond(
                              readModel.ids(FleetScope.of(p), after.orElse(null), n),
                              ids ->
                                  Responses.json(
                                      StatusCodes.OK,
                                      new IdPage(
                                          ids, ids.size() == n ? ids.get(ids.size() - 1) : null)));
                        })));
  }

  private Route register(Principal p) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          Access.require(p, Action.REGISTER);
          RegisterData data = Json.read(text, RegisterData.class);
          if (ElevatorId.problem(data.registrationCode()).isPresent()) {
            // The registration code names the twin to ask: without a usable one there is none, so
            // the data's problems are answered here (all of them, as the twin would).
            List<String> problems = data.problems(TwinRules.today(clock.instant()));
            throw new ApiException(
                StatusCodes.BAD_REQUEST, "invalid_input", String.join("; ", problems), problems);
          }
          if (data.district() != null) {
            Access.check(p, Action.REGISTER, ElevatorScope.of(data));
          }
          return Responses.respond(
              fleet.register(data, p.id()),
              outcome ->
                  Responses.json(
                      "created".equals(outcome) ? StatusCodes.CREATED : StatusCodes.OK,
                      new WriteResult(data.registrationCode(), outcome)));
        });
  }

  private Route importRegister(Principal p) {
    return extractRequestEntity(
        entity ->
            body(
                settings.maxImportBytes(),
                text -> {
                  Access.require(p, Action.REGISTER);
                  boolean csv = entity.getContentType().mediaType().equals(MediaTypes.TEXT_CSV);
                  if (!csv
                      && !entity.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
                    throw new ApiException(
                        StatusCodes.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported_media_type",
                        "send the register as application/json (an array) or text/csv (header row"
                            + " of field names), not "
                            + entity.getContentType().mediaType(),
                        List.of());
                  }
                  List<RegisterData> rows =
                      csv
                          ? RegisterImport.fromCsv(text, settings.maxImportRows())
                          : RegisterImport.fromJson(text, settings.maxImportRows());
                  RegisterImport.validate(rows, TwinRules.today(clock.instant()));
                  List<String> outside = new java.util.ArrayList<>();
                  for (int i = 0; i < rows.size(); i++) {
                    if (AccessPolicy.decide(p, Action.REGISTER, ElevatorScope.of(rows.get(i)))
                        != AccessPolicy.Outcome.ALLOW) {
                      outside.add(
                          "row "
                              + (i + 1)
                              + ": '"
                              + rows.get(i).registrationCode()
                              + "' in district "
                              + rows.get(i).district()
                              + " is outside your jurisdiction");
                    }
                  }
                  if (!outside.isEmpty()) {
                    throw new ApiException(
                        StatusCodes.FORBIDDEN,
                        "forbidden",
                        outside.size()
                            + " rows are outside the scope of principal '"
                            + p.id()
                            + "'; nothing was imported",
                        outside);
                  }
                  if (rows.size() > settings.syncImportRows()) {
                    ImportJobs.Progress started = imports.start(rows, p.id(), fleet::register);
                    return CompletableFuture.completedFuture(
                        Responses.json(StatusCodes.ACCEPTED, started)
                            .addHeader(Location.create("/api/v1/imports/" + started.jobId())));
                  }
                  return Responses.respond(
                      conflicts(rows)
                          .thenCompose(
                              conflicts -> {
                                if (!conflicts.isEmpty()) {
                                  throw new RejectedException(
                                      new Rejection(
                                          Rejection.Code.CONFLICT,
                                          conflicts.size()
                                              + " elevators are already registered with different"
                                              + " data; nothing was imported",
                                          conflicts));
                                }
                                return registerAll(rows, p.id());
                              }),
                      result -> Responses.json(StatusCodes.OK, result));
                }));
  }

  /**
   * Ids in {@code rows} registered already with other data: checked first so a conflicting import
   * changes nothing.
   */
  private CompletionStage<List<String>> conflicts(List<RegisterData> rows) {
    return Source.from(rows)
        .mapAsyncUnordered(
            IMPORT_PARALLELISM,
            row ->
                fleet
                    .find(row.registrationCode())
                    .thenApply(
                        view ->
                            view.filter(v -> !v.state().register().equals(row))
                                .map(v -> row.registrationCode())))
        .filter(Optional::isPresent)
        .map(Optional::get)
        .runWith(Sink.seq(), system);
  }

  private CompletionStage<ImportResult> registerAll(List<RegisterData> rows, String by) {
    AtomicInteger created = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    return Source.from(rows)
        .mapAsyncUnordered(IMPORT_PARALLELISM, row -> fleet.register(row, by))
        .runForeach(
            outcome -> {
              if ("created".equals(outcome)) {
                created.incrementAndGet();
              }
              int n = done.incrementAndGet();
              if (n % 10_000 == 0) {
                log.info("register import: {} of {} rows", n, rows.size());
              }
            },
            system)
        .thenApply(x -> new ImportResult(rows.size(), created.get(), rows.size() - created.get()));
  }

  private Route twin(Principal p, String rawId) {
    return safely(
        () ->
            Responses.respond(
                Access.authorize(
                        fleet,
                        p,
                        Action.READ_TWIN,
                        Access.required(p, Action.READ_TWIN, elevatorId(rawId)))
                    .thenCompose(twin -> view(p, twin)),
                view -> Responses.json(StatusCodes.OK, view)));
  }

  /**
   * The twin as the API shows it: with its cover (if {@code p} may see it), its open rescue case
   * and its maintenance contract, each asked at once from its read model.
   */
  private CompletionStage<ElevatorView> view(Principal p, ElevatorTwin.TwinView twin) {
    var cover = cover(p, twin.elevatorId());
    var rescue = openRescue(twin.elevatorId());
    var contract = maintenanceContract(twin.elevatorId());
    return cover.thenCompose(
        c ->
            rescue.thenCombine(
                contract,
                (r, k) ->
                    ElevatorView.of(
                        twin,
                        clock.instant(),
                        riskModel.get(),
                        Persistence.of(fleet.storeHealth().status()),
                        c,
                        r,
                        k)));
  }

  /**
   * The elevator's active cover if {@code p} may see the policy too; none when the insurance read
   * model cannot say (the twin is answered without it rather than not at all).
   */
  private CompletionStage<ElevatorView.Cover> cover(Principal p, String elevatorId) {
    return insurance
        .activeCover(elevatorId)
        .handle(
            (found, failure) -> {
              if (failure != null) {
                log.warn("no cover shown for {}: {}", elevatorId, failure.toString());
                return null;
              }
              return found
                  .filter(c -> PolicyAccess.sees(p, c.insurer(), c.policyholder()))
                  .map(
                      c ->
                          new ElevatorView.Cover(
                              c.policyId(), c.insurer(), c.product(), c.annualPremium()))
                  .orElse(null);
            });
  }

  /**
   * The elevator's open rescue case; none when the rescue read model cannot say (the twin is
   * answered without).
   */
  private CompletionStage<ElevatorView.OpenRescue> openRescue(String elevatorId) {
    return rescues
        .openCaseFor(elevatorId)
        .handle(
            (found, failure) -> {
              if (failure != null) {
                log.warn("no rescue case shown for {}: {}", elevatorId, failure.toString());
                return null;
              }
              return found
                  .map(
                      c ->
                          new ElevatorView.OpenRescue(
                              c.caseId(),
                              c.step().toLowerCase(java.util.Locale.ROOT),
                              c.alarmAt(),
                              c.escalations()))
                  .orElse(null);
            });
  }

  /**
   * The maintenance contract covering the elevator today; none when the maintenance read model
   * cannot say (the twin is answered without).
   */
  private CompletionStage<MaintenanceReader.ContractRow> maintenanceContract(String elevatorId) {
    if (maintenance == null) {
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
    return maintenance
        .contractOf(elevatorId, TwinRules.today(clock.instant()))
        .handle(
            (found, failure) -> {
              if (failure != null) {
                log.warn(
                    "no maintenance contract shown for {}: {}", elevatorId, failure.toString());
                return null;
              }
              return found.orElse(null);
            });
  }

  private Route history(Principal p, String rawId) {
    return parameterOptional(
        "from",
        from ->
            parameterOptional(
                "limit",
                limit ->
                    safely(
                        () -> {
                          String id = elevatorId(rawId);
                          Access.require(p, Action.READ_TWIN);
                          long start = number(from, "from", 1, 1, Long.MAX_VALUE);
                          int n = (int) number(limit, "limit", 100, 1, settings.maxPage());
                          CompletionStage<ElevatorFleet.HistoryPage> page =
                              Access.authorize(fleet, p, Action.READ_TWIN, id)
                                  .thenCompose(allowed -> fleet.history(id, start, n));
                          return Responses.respond(
                              page, found -> Responses.json(StatusCodes.OK, found));
                        })));
  }

  /**
   * Events an integrity check reads at most: a year of a twin persisting its live state every
   * minute.
   */
  private static final int MAX_AUDITED_EVENTS = 600_000;

  /**
   * The integrity checks over the twin's record of the last {@code days} (30, at most 365), each
   * flag with evidence.
   */
  private Route integrity(Principal p, String rawId) {
    return parameterOptional(
        "days",
        days ->
            safely(
                () -> {
                  Instant now = clock.instant();
                  Instant since = now.minus(Duration.ofDays(number(days, "days", 30, 1, 365)));
                  return Responses.respond(
                      recordSince(p, rawId, since),
                      found ->
                          Responses.json(
                              StatusCodes.OK,
                              new IntegrityView(
                                  found.view().elevatorId(),
                                  since,
                                  now,
                                  found.events().size(),
                                  IntegrityChecks.check(
                                      found.events(), IntegrityChecks.Settings.DEFAULT))));
                }));
  }

  /**
   * The safety assessment report (PDF) built from the twin and its last twelve months: register,
   * record, risk, regulators' records, integrity flags and the recommended action ({@link
   * AssessmentReport}).
   */
  private Route safetyAssessment(Principal p, String rawId) {
    return optionalHeaderValueByName(
        "Accept",
        accept ->
            safely(
                () -> {
                  Instant now = clock.instant();
                  boolean json = wantsJson(accept.orElse(""));
                  return Responses.respond(
                      recordSince(p, rawId, now.minus(Duration.ofDays(365))),
                      found -> {
                        TwinState state = found.view().state();
                        AssessmentReport report =
                            AssessmentReport.of(
                                found.view().elevatorId(),
                                state,
                                found.events(),
                                TwinRiskFeatures.assess(
                                    riskModel.get(), state, found.view().live(), now),
                                IntegrityChecks.check(
                                    found.events(), IntegrityChecks.Settings.DEFAULT),
                                TwinRules.today(now));
                        if (json) {
                          return Responses.json(StatusCodes.OK, report);
                        }
                        return HttpResponse.create()
                            .withEntity(
                                HttpEntities.create(
                                    ContentTypes.create(MediaTypes.APPLICATION_PDF),
                                    AssessmentPdf.render(report)))
                            .addHeader(
                                ContentDisposition.create(
                                    ContentDispositionTypes.INLINE,
                                    Map.of(
                                        "filename",
                                        "safety-assessment-"
                                            + found.view().elevatorId()
                                            + ".pdf")));
                      });
                }));
  }

  /**
   * Whether {@code accept} asks for JSON rather than the PDF (the PDF by default, and when both are
   * acceptable).
   */
  static boolean wantsJson(String accept) {
    String a = accept.toLowerCase(java.util.Locale.ROOT);
    return a.contains("application/json") && !a.contains("application/pdf");
  }

  /** A twin and its events recorded since {@code since}. */
  private record TwinRecord(ElevatorTwin.TwinView view, List<TwinEvent> events) {}

  private CompletionStage<TwinRecord> recordSince(Principal p, String rawId, Instant since) {
    String id = elevatorId(rawId);
    Access.require(p, Action.READ_TWIN);
    return Access.authorize(fleet, p, Action.READ_TWIN, id)
        .thenCompose(
            view ->
                fleet
                    .eventsSince(id, since, MAX_AUDITED_EVENTS)
                    .thenApply(events -> new TwinRecord(view, events)));
  }

  /** The answer: the window checked, how many events it held, and the flags. */
  record IntegrityView(
      String elevatorId,
      Instant from,
      Instant to,
      int eventsChecked,
      List<IntegrityChecks.Flag> flags) {}
}
