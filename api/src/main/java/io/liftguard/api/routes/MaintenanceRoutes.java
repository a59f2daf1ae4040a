package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.body;
import static io.liftguard.api.http.RouteSupport.choice;
import static io.liftguard.api.http.RouteSupport.elevatorId;
import static io.liftguard.api.http.RouteSupport.recordId;
import static io.liftguard.api.http.RouteSupport.safely;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.liftguard.api.ApiSettings;
import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Json;
import io.liftguard.api.http.Responses;
import io.liftguard.api.http.RouteSupport;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.maintenance.MaintenanceDesk;
import io.liftguard.maintenance.MaintenanceReader;
import io.liftguard.maintenance.domain.Certificate;
import io.liftguard.maintenance.domain.Contract;
import io.liftguard.maintenance.domain.ContractHistory;
import io.liftguard.maintenance.domain.MaintenanceAccess;
import io.liftguard.maintenance.domain.VisitTier;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /api/v1/maintenance}: contracts between using units and maintenance companies (versioned;
 * seen by both parties and the regulator of their area), maintainers' certificates, a maintainer's
 * check-in and check-out at the car (which hold the twin's intelligent alarm while the maintainer
 * works), and a company's work list, most urgent first, each with why it is due.
 */
public final class MaintenanceRoutes {
  private final MaintenanceDesk desk;
  private final ApiSettings settings;
  private final Clock clock;

  public MaintenanceRoutes(MaintenanceDesk desk, ApiSettings settings, Clock clock) {
    this.desk = desk;
    this.settings = settings;
    this.clock = clock;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return pathPrefix("maintenance", () -> concat(
        pathPrefix("contracts", () -> concat(
            pathEnd(() -> concat(get(() -> contracts(p)), post(() -> sign(p)))),
            path(segment(), id -> get(() -> contract(p, id))),
            path(segment().slash("performance"), id -> get(() -> performance(p, id))))),
        path("certificates", () -> post(() -> issue(p))),
        path(segment("certificates").slash(segment()), n -> get(() -> certificate(p, n))),
        pathPrefix("visits", () -> concat(
            pathEnd(() -> post(() -> checkIn(p))),
            path(segment().slash("check-out"), id -> post(() -> checkOut(p, id))))),
        path("work-orders", () -> get(() -> workList(p)))));
  }
  // spotless:on

  private Route contracts(Principal p) {
    return safely(
        () -> {
          require(p, MaintenanceAccess.Action.READ_CONTRACTS);
          return Responses.respond(
              desk.reader().contracts(party(p)),
              rows -> Responses.json(StatusCodes.OK, new ContractList(rows)));
        });
  }

  /** The contracts the caller is party to (a regulator: of its area). */
  record ContractList(List<MaintenanceReader.ContractRow> items) {}

  private Route sign(Principal p) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, MaintenanceAccess.Action.SIGN_CONTRACT);
          Contract c = Json.read(text, Contract.class);
          if (c.id() == null || !RECORD.matcher(c.id()).matches()) {
            throw ApiException.badRequest("id is required: 1-64 letters, digits, '.', '_' or '-'");
          }
          for (String e : c.elevators() == null ? List.<String>of() : c.elevators()) {
            elevatorId(e);
          }
          if (!MaintenanceAccess.isParty(p, c)) {
            throw forbidden(p, "sign a contract it is not a party to");
          }
          return Responses.respond(
              desk.sign(c, p.id()), // ContractRules numbers the version
              h ->
                  Responses.json(
                      h.versions().size() == 1 ? StatusCodes.CREATED : StatusCodes.OK, h));
        });
  }

  /** Contract ids: as record ids, shorter (the read model's column). */
  private static final Pattern RECORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Route contract(Principal p, String rawId) {
    return safely(
        () ->
            Responses.respond(
                seen(p, recordId(rawId, "contract id")), h -> Responses.json(StatusCodes.OK, h)));
  }

  private Route performance(Principal p, String rawId) {
    return parameterOptional(
        "month",
        month ->
            safely(
                () -> {
                  var today = TwinRules.today(clock.instant());
                  YearMonth m = RouteSupport.month(month, "month", YearMonth.from(today));
                  return Responses.respond(
                      seen(p, recordId(rawId, "contract id"))
                          .thenCompose(h -> desk.performance(h, m, today)),
                      perf -> Responses.json(StatusCodes.OK, perf));
                }));
  }

  /** Contract {@code id}, if {@code p} sees it (404 otherwise, as if it did not exist). */
  private CompletionStage<ContractHistory> seen(Principal p, String id) {
    require(p, MaintenanceAccess.Action.READ_CONTRACTS);
    return desk.contract(id)
        .thenCompose(
            h ->
                visible(p, h)
                    .thenApply(
                        ok -> {
                          if (!ok) {
                            throw notFound("contract '" + id + "' does not exist");
                          }
                          return h;
                        }));
  }

  /** Whether {@code p} sees contract {@code h}: a party, or the regulator of an area it covers. */
  private CompletionStage<Boolean> visible(Principal p, ContractHistory h) {
    if (!h.exists()) {
      return CompletableFuture.completedFuture(false);
    }
    if (p.role() != Role.REGULATOR) {
      return CompletableFuture.completedFuture(MaintenanceAccess.isParty(p, h.current()));
    }
    return desk.reader()
        .contracts(party(p))
        .thenApply(rows -> rows.stream().anyMatch(r -> r.contractId().equals(h.id())));
  }

  private Route issue(Principal p) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, MaintenanceAccess.Action.ISSUE_CERTIFICATE);
          Certificate c = Json.read(text, Certificate.class);
          List<String> problems = c.problems();
          if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
          }
          return Responses.respond(
              desk.issue(c, p.id()), r -> Responses.json(StatusCodes.OK, r.current()));
        });
  }

  private Route certificate(Principal p, String rawNumber) {
    return safely(
        () -> {
          require(p, MaintenanceAccess.Action.READ_CERTIFICATE);
          String number = recordId(rawNumber, "certificate number");
          String company = MaintenanceAccess.companyOf(p);
          return Responses.respond(
              desk.certificate(number)
                  .thenApply(
                      r -> {
                        if (!r.exists()
                            || company != null && !company.equals(r.current().company())) {
                          throw notFound("certificate '" + number + "' is not known");
                        }
                        return r.current();
                      }),
              c -> Responses.json(StatusCodes.OK, c));
        });
  }

  /** What a maintainer sends at the car to check in. */
  record CheckInBody(
      String visitId,
      String elevatorId,
      String certificate,
      MaintenanceVisit.Kind kind,
      Instant at) {}

  /** What a maintainer sends to check out. */
  record CheckOutBody(String elevatorId, Instant at, String notes, VisitTier tier) {}

  private Route checkIn(Principal p) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, MaintenanceAccess.Action.VISIT);
          String company = maintainerCompany(p);
          CheckInBody b = Json.read(text, CheckInBody.class);
          String visitId = recordId(b.visitId(), "visitId");
          String elevator = elevatorId(b.elevatorId());
          String certificate = recordId(b.certificate(), "certificate");
          return Responses.respond(
              desk.checkIn(
                  new MaintenanceDesk.CheckIn(visitId, elevator, certificate, b.kind(), b.at()),
                  company,
                  p.id()),
              outcome ->
                  Responses.json(
                      StatusCodes.CREATED, new VisitAnswer(visitId, elevator, outcome, null)));
        });
  }

  private Route checkOut(Principal p, String rawVisitId) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, MaintenanceAccess.Action.VISIT);
          maintainerCompany(p);
          String visitId = recordId(rawVisitId, "visit id");
          CheckOutBody b = Json.read(text, CheckOutBody.class);
          String elevator = elevatorId(b.elevatorId());
          if (b.notes() != null && b.notes().length() > 2048) {
            throw ApiException.badRequest("notes must be at most 2048 characters");
          }
          return Responses.respond(
              desk.checkOut(elevator, visitId, b.at(), b.notes(), b.tier(), p.id()),
              out ->
                  Responses.json(
                      StatusCodes.OK,
                      new VisitAnswer(visitId, elevator, out.outcome(), out.flags())));
        });
  }

  /**
   * A check-in's or check-out's answer: "checked-in", "checked-out" or "duplicate" (a retry); a
   * check-out's flags (none: an empty list).
   */
  record VisitAnswer(String visitId, String elevatorId, String outcome, List<String> flags) {}

  private Route workList(Principal p) {
    return parameterOptional(
        "status",
        status ->
            parameterOptional(
                "company",
                company ->
                    safely(
                        () -> {
                          require(p, MaintenanceAccess.Action.READ_WORK_LIST);
                          String who =
                              p.role() == Role.MAINTAINER
                                  ? maintainerCompany(p)
                                  : company.orElseThrow(
                                      () ->
                                          ApiException.badRequest(
                                              "company is required (whose work list)"));
                          MaintenanceDesk.Show show =
                              status.isEmpty()
                                  ? MaintenanceDesk.Show.ALL
                                  : choice(status, "status", MaintenanceDesk.Show.class);
                          var today = TwinRules.today(clock.instant());
                          return Responses.respond(
                              desk.workList(who, today, show),
                              list ->
                                  Responses.json(StatusCodes.OK, new WorkList(who, today, list)));
                        })));
  }

  /** A company's work list on a day, most urgent first. */
  record WorkList(String company, LocalDate today, List<MaintenanceDesk.WorkOrder> items) {}

  private static MaintenanceReader.Party party(Principal p) {
    String district = p.scope() == null ? null : p.scope().district();
    return switch (p.role()) {
      // A scope that names no company or unit matches no contract.
      case MAINTAINER ->
          new MaintenanceReader.Party(
              Objects.requireNonNullElse(p.scope().maintainer(), ""), null, null);
      case USING_UNIT ->
          new MaintenanceReader.Party(
              null, Objects.requireNonNullElse(p.scope().usingUnit(), ""), null);
      case REGULATOR ->
          district == null || district.isBlank()
              ? MaintenanceReader.Party.ALL
              : new MaintenanceReader.Party(null, null, district);
      default -> MaintenanceReader.Party.ALL;
    };
  }

  private static String maintainerCompany(Principal p) {
    String company = MaintenanceAccess.companyOf(p);
    if (company == null || company.isBlank()) {
      throw forbidden(p, "act for a maintenance company (its scope names none)");
    }
    return company;
  }

  private static RejectedException notFound(String message) {
    return new RejectedException(new Rejection(Rejection.Code.NOT_REGISTERED, message, List.of()));
  }

  private static void require(Principal p, MaintenanceAccess.Action action) {
    if (!MaintenanceAccess.roleMay(p.role(), action)) {
      throw forbidden(p, action.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
  }

  private static ApiException forbidden(Principal p, String what) {
    return new ApiException(
        StatusCodes.FORBIDDEN,
        "forbidden",
        "principal '" + p.id() + "' (" + p.role().wireName() + ") may not " + what,
        List.of());
  }
}
