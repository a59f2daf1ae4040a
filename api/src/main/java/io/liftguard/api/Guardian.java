package io.liftguard.api;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import io.liftguard.api.access.AccessDirectives;
import io.liftguard.api.access.AuthSettings;
import io.liftguard.api.access.RateLimiter;
import io.liftguard.api.access.SecretStore;
import io.liftguard.api.access.TokenService;
import io.liftguard.api.http.HttpServer;
import io.liftguard.api.http.OpenApiDocument;
import io.liftguard.api.http.RequestMetrics;
import io.liftguard.api.http.RouteTemplates;
import io.liftguard.api.imports.ImportJobs;
import io.liftguard.api.metrics.PlatformMetrics;
import io.liftguard.api.routes.AccessRoutes;
import io.liftguard.api.routes.ActionRoutes;
import io.liftguard.api.routes.CampaignRoutes;
import io.liftguard.api.routes.ContractRoutes;
import io.liftguard.api.routes.ElevatorRecordRoutes;
import io.liftguard.api.routes.ElevatorRoutes;
import io.liftguard.api.routes.EvaluationRoutes;
import io.liftguard.api.routes.FleetRoutes;
import io.liftguard.api.routes.HealthRoutes;
import io.liftguard.api.routes.ImportRoutes;
import io.liftguard.api.routes.InsurerRoutes;
import io.liftguard.api.routes.KpiRoutes;
import io.liftguard.api.routes.MaintenanceRoutes;
import io.liftguard.api.routes.PageRoutes;
import io.liftguard.api.routes.PolicyRoutes;
import io.liftguard.api.routes.PricingReportRoutes;
import io.liftguard.api.routes.RescueRoutes;
import io.liftguard.api.routes.RiskCalibrationRoutes;
import io.liftguard.api.routes.TelemetryRoutes;
import io.liftguard.api.routes.WarningRoutes;
import io.liftguard.fleet.FleetProjection;
import io.liftguard.fleet.ReadSide;
import io.liftguard.insurance.Insurance;
import io.liftguard.insurance.InsuranceSettings;
import io.liftguard.insurance.PricingReport;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.kernel.store.StoreBootstrap;
import io.liftguard.maintenance.Maintenance;
import io.liftguard.maintenance.MaintenanceDesk;
import io.liftguard.regulation.KpiReader;
import io.liftguard.regulation.QualityReader;
import io.liftguard.regulation.Regulation;
import io.liftguard.regulation.SupervisionReader;
import io.liftguard.regulation.WarningReader;
import io.liftguard.rescue.Rescue;
import io.liftguard.rescue.RescueDesk;
import io.liftguard.twin.ElevatorFleet;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.risk.RiskCalibration;
import io.liftguard.twin.risk.RiskModels;
import io.liftguard.twin.risk.ServingModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The root behaviour: joins the cluster (itself, unless seed nodes are configured), readies the
 * store and the read database, starts the twins, the read model's projections, insurance, the
 * rescue workflow, the HTTP API and the deployable's {@link AddOn}s (the demo city). It stops the
 * system if any of that fails.
 */
public final class Guardian {
  /** Messages to the guardian. */
  public sealed interface Message {}

  private record StoreReady() implements Message {}

  private record ReadSideReady(ReadSide readSide) implements Message {}

  private record ModulesReady(
      ReadSide readSide,
      ElevatorFleet fleet,
      ServingModel riskModel,
      Insurance.Node insurance,
      RiskCalibration calibration,
      Rescue.Settings rescueSettings,
      RescueDesk rescue,
      WarningReader warnings,
      MaintenanceDesk maintenance)
      implements Message {}

  private record Started(ServerBinding binding) implements Message {}

  private record Failed(String step, Throwable cause) implements Message {}

  private Guardian() {}

  /** {@code onServing} is told the bound address once the API serves (tests and Main use it). */
  public static Behavior<Message> create(Clock clock, Consumer<ServerBinding> onServing) {
    return create(clock, List.of(), onServing);
  }

  /** The platform with {@code addOns} started once its API serves. */
  public static Behavior<Message> create(
      Clock clock, List<AddOn> addOns, Consumer<ServerBinding> onServing) {
    return Behaviors.setup(
        ctx -> {
          Instant startedAt = clock.instant();
          PlatformMetrics metrics = PlatformMetrics.create();
          joinCluster(ctx);
          ctx.pipeToSelf(
              StoreBootstrap.prepare(ctx.getSystem()),
              (done, failure) ->
                  failure == null ? new StoreReady() : new Failed("preparing the store", failure));
          return Behaviors.receive(Message.class)
              .onMessage(
                  StoreReady.class,
                  m -> {
                    ctx.pipeToSelf(
                        ReadSide.start(
                            ctx.getSystem(), TwinSettings.create(ctx.getSystem()), clock),
                        (readSide, failure) ->
                            failure == null
                                ? new ReadSideReady(readSide)
                                : new Failed("opening the read database", failure));
                    return Behaviors.same();
                  })
              .onMessage(
                  ReadSideReady.class,
                  m -> {
                    var system = ctx.getSystem();
                    ServingModel riskModel = new ServingModel(RiskModels.loadDefault());
                    TwinSettings twins = TwinSettings.create(system);
                    ElevatorFleet fleet =
                        ElevatorFleet.start(system, twins, clock, riskModel, metrics.registry());
                    InsuranceSettings insurance =
                        InsuranceSettings.fromConfig(system.settings().config());
                    for (AddOn addOn : addOns) {
                      insurance = addOn.insurance(system.settings().config(), insurance);
                    }
                    Rescue.Settings rescue = Rescue.Settings.fromConfig(system.settings().config());
                    InsuranceSettings rating = insurance;
                    // One after the other: each migrates its tables into the read database first.
                    // The model's calibration periods are the insurance rating period.
                    CompletableFuture<RiskCalibration> calibration =
                        RiskCalibration.start(
                                system,
                                m.readSide().store(),
                                riskModel,
                                rating.ratingPeriod(),
                                rating.calibrationSettle(),
                                rating.reviewInterval(),
                                clock,
                                (id, from, max) ->
                                    fleet
                                        .history(id, from, max)
                                        .thenApply(
                                            page ->
                                                page.events().stream()
                                                    .map(ElevatorFleet.HistoryEntry::event)
                                                    .toList()))
                            .toCompletableFuture();
                    // Maintenance before insurance: the "+ service" review asks when each
                    // elevator's contract next sends a visit.
                    CompletableFuture<MaintenanceDesk> maintenance =
                        calibration
                            .thenCompose(
                                c ->
                                    Maintenance.start(
                                        system, m.readSide(), fleet, fleet.storeHealth(), clock))
                            .toCompletableFuture();
                    CompletableFuture<Insurance.Node> node =
                        maintenance.thenCompose(
                            md ->
                                Insurance.start(
                                    system,
                                    rating,
                                    m.readSide(),
                                    twins,
                                    riskModel,
                                    fleet.storeHealth(),
                                    md::visitsDue,
                                    clock));
                    CompletableFuture<RescueDesk> desk =
                        node.thenCompose(
                            n ->
                                Rescue.start(
                                    system,
                                    rescue,
                                    m.readSide(),
                                    twins,
                                    fleet.storeHealth(),
                                    clock));
                    // Each stage is complete when the next one runs: join only reads its value.
                    ctx.pipeToSelf(
                        desk.thenCompose(d -> Regulation.start(system, m.readSide(), twins))
                            .thenApply(
                                warnings ->
                                    new ModulesReady(
                                        m.readSide(),
                                        fleet,
                                        riskModel,
                                        node.join(),
                                        calibration.join(),
                                        rescue,
                                        desk.join(),
                                        warnings,
                                        maintenance.join())),
                        (ready, failure) ->
                            failure == null
                                ? ready
                                : new Failed(
                                    "starting maintenance, insurance, rescue and regulation",
                                    failure));
                    return Behaviors.same();
                  })
              .onMessage(
                  ModulesReady.class,
                  m -> start(ctx, m, metrics, clock, startedAt, addOns, onServing))
              .onMessage(Failed.class, m -> fail(ctx, m))
              .build();
        });
  }

  private static Behavior<Message> start(
      ActorContext<Message> ctx,
      ModulesReady ready,
      PlatformMetrics metrics,
      Clock clock,
      Instant startedAt,
      List<AddOn> addOns,
      Consumer<ServerBinding> onServing) {
    var system = ctx.getSystem();
    var config = system.settings().config();
    ApiSettings api = ApiSettings.fromConfig(config);
    ReadSide readSide = ready.readSide();
    ElevatorFleet fleet = ready.fleet();
    ServingModel riskModel = ready.riskModel();
    String store = LiftGuardConfig.Store.of(config).configName();
    AuthSettings auth = AuthSettings.fromConfig(config);
    Path dataDir = Path.of(config.getString("liftguard.data-dir"));
    TokenService tokens = new TokenService(SecretStore.resolve(auth, dataDir), auth, clock);
    AccessDirectives access =
        new AccessDirectives(tokens, new RateLimiter(auth.ratePerSecond(), auth.burst()));
    ImportJobs imports = new ImportJobs(system, clock);
    ImportRoutes importJobs = new ImportRoutes(imports);
    ElevatorRoutes elevators =
        new ElevatorRoutes(
            fleet,
            readSide.reader(),
            api,
            clock,
            system,
            riskModel,
            ready.insurance().policies().reader(),
            ready.rescue().reader(),
            ready.maintenance().reader(),
            imports);
    FleetRoutes fleetSearch = new FleetRoutes(readSide.reader(), api, clock);
    ElevatorRecordRoutes records = new ElevatorRecordRoutes(fleet, api);
    TelemetryRoutes telemetry = new TelemetryRoutes(fleet, api, clock);
    AccessRoutes credentials = new AccessRoutes(fleet, tokens, auth, api, clock);
    PolicyRoutes policies = new PolicyRoutes(ready.insurance().policies(), api, clock);
    InsurerRoutes insurers = new InsurerRoutes(ready.insurance().policies().reader(), clock);
    RiskCalibrationRoutes calibration =
        new RiskCalibrationRoutes(
            ready.calibration(), system.dispatchers().lookup(DispatcherSelector.blocking()));
    PricingReportRoutes pricingReport = new PricingReportRoutes(PricingReport.load());
    MaintenanceRoutes maintenance = new MaintenanceRoutes(ready.maintenance(), api, clock);
    RescueRoutes rescues =
        new RescueRoutes(ready.rescue(), fleet, ready.rescueSettings().clocks(), api, clock);
    var queries = ReadSide.queries(system);
    KpiRoutes kpis =
        new KpiRoutes(
            new KpiReader(readSide.store(), queries), ready.rescueSettings().clocks(), clock);
    SupervisionReader supervision = new SupervisionReader(readSide.store(), queries);
    ActionRoutes actions = new ActionRoutes(supervision, api, clock);
    CampaignRoutes campaigns = new CampaignRoutes(supervision, api);
    EvaluationRoutes evaluation =
        new EvaluationRoutes(new QualityReader(readSide.store(), queries), clock);
    WarningRoutes warnings = new WarningRoutes(ready.warnings(), api);
    OpenApiDocument contract = OpenApiDocument.load();
    metrics.sample(system, readSide.lags(), ready.rescue().reader());
    RequestMetrics requests =
        new RequestMetrics(metrics.registry(), new RouteTemplates(contract.paths()));
    ctx.pipeToSelf(
        HttpServer.start(
            system,
            api,
            requests,
            new HealthRoutes(
                    system,
                    store,
                    fleet.storeHealth(),
                    readSide.lags(),
                    FleetProjection.NAME,
                    startedAt,
                    clock)
                .routes(),
            new ContractRoutes(contract, metrics).routes(),
            new PageRoutes().routes(),
            // Every resource under /api/v1, here once. Tried in order until one matches, and Pekko
            // builds a route's inner directives for each request it tries: the hottest (telemetry,
            // then an elevator's events) go first.
            access.authenticated(
                p ->
                    pathPrefix(
                        "api",
                        () ->
                            pathPrefix(
                                "v1",
                                () ->
                                    concat(
                                        telemetry.routes(p),
                                        records.routes(p),
                                        elevators.routes(p),
                                        fleetSearch.routes(p),
                                        credentials.routes(p),
                                        policies.routes(p),
                                        insurers.routes(p),
                                        calibration.routes(p),
                                        pricingReport.routes(p),
                                        rescues.routes(p),
                                        maintenance.routes(p),
                                        kpis.routes(p),
                                        actions.routes(p),
                                        campaigns.routes(p),
                                        evaluation.routes(p),
                                        warnings.routes(p),
                                        importJobs.routes(p)))))),
        (binding, failure) ->
            failure == null ? new Started(binding) : new Failed("binding the HTTP port", failure));
    return Behaviors.receive(Message.class)
        .onMessage(
            Started.class,
            m -> {
              AddOn.Platform platform =
                  new AddOn.Platform(
                      fleet,
                      ready.insurance().policies(),
                      ready.rescue(),
                      ready.maintenance(),
                      tokens,
                      auth,
                      dataDir,
                      clock);
              addOns.forEach(addOn -> addOn.serving(ctx, platform));
              onServing.accept(m.binding());
              return Behaviors.empty();
            })
        .onMessage(Failed.class, m -> fail(ctx, m))
        .build();
  }

  private static Behavior<Message> fail(ActorContext<Message> ctx, Failed m) {
    ctx.getLog().error("LiftGuard failed while {}: {}", m.step(), m.cause().toString(), m.cause());
    return Behaviors.stopped();
  }

  private static void joinCluster(ActorContext<Message> ctx) {
    Cluster cluster = Cluster.get(ctx.getSystem());
    String seeds = ctx.getSystem().settings().config().getString("liftguard.cluster.seed-nodes");
    List<Address> addresses =
        Arrays.stream(seeds.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(AddressFromURIString::parse)
            .toList();
    if (addresses.isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    } else {
      cluster.manager().tell(new JoinSeedNodes(addresses));
    }
  }
}
