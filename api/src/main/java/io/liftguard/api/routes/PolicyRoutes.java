package io.liftguard.api.routes;

import static io.liftguard.api.http.RouteSupport.RECORD_ID;
import static io.liftguard.api.http.RouteSupport.body;
import static io.liftguard.api.http.RouteSupport.number;
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
import io.liftguard.api.dto.InsuranceRequests;
import io.liftguard.api.dto.PolicyView;
import io.liftguard.api.dto.PremiumHistory;
import io.liftguard.api.http.ApiException;
import io.liftguard.api.http.Json;
import io.liftguard.api.http.Responses;
import io.liftguard.api.http.RouteSupport;
import io.liftguard.fleet.domain.FleetRow;
import io.liftguard.insurance.PolicyBook;
import io.liftguard.insurance.domain.Claim;
import io.liftguard.insurance.domain.PolicyAccess;
import io.liftguard.insurance.domain.PolicyState;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.kernel.entity.RejectedException;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.AccessPolicy;
import io.liftguard.twin.domain.access.ElevatorScope;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Quotes and policies: {@code POST /api/v1/quotes} prices one elevator or a building's set from the
 * read model; {@code POST /api/v1/policies} binds a quote; {@code GET /api/v1/policies[/{id}]}, its
 * {@code premium-history}, {@code cancel}, {@code renew} (quotes the renewal), its {@code claims}
 * (opened by entrapments or by hand, then assessed, paid or rejected) and its {@code
 * service-actions}. A policy outside the caller's reach answers 404 exactly like one that does not
 * exist.
 */
public final class PolicyRoutes {

  private final PolicyBook book;
  private final ApiSettings settings;
  private final Clock clock;

  public PolicyRoutes(PolicyBook book, ApiSettings settings, Clock clock) {
    this.book = book;
    this.settings = settings;
    this.clock = clock;
  }

  // spotless:off  the route tree keeps its hand layout: google-java-format stacks every nested lambda
  public Route routes(Principal p) {
    return concat(
        path("quotes", () -> post(() -> quote(p))),
        pathPrefix("policies", () -> concat(
            pathEnd(() -> concat(post(() -> bind(p)), get(() -> list(p)))),
            pathPrefix(segment(), id -> onePolicy(p, id)))));
  }
  // spotless:on

  private Route onePolicy(Principal p, String id) {
    return concat(
        pathEnd(() -> get(() -> read(p, id, s -> Responses.json(StatusCodes.OK, view(s))))),
        path("premium-history", () -> get(() -> premiumHistory(p, id))),
        path("renew", () -> post(() -> renew(p, id))),
        path(
            "cancel",
            () ->
                post(
                    () ->
                        write(
                            p,
                            id,
                            PolicyAccess.Action.UNDERWRITE,
                            InsuranceRequests.NoteBody.class,
                            (b, by) -> book.cancel(id, note(b.note()), by)))),
        pathPrefix("claims", () -> claims(p, id)),
        pathPrefix("service-actions", () -> serviceActions(p, id)));
  }

  private Route claims(Principal p, String id) {
    return concat(
        pathEnd(
            () ->
                concat(
                    get(
                        () ->
                            read(
                                p,
                                id,
                                s ->
                                    Responses.json(
                                        StatusCodes.OK,
                                        new PolicyView.Claims(
                                            id,
                                            s.claims().values().stream()
                                                .sorted(
                                                    Comparator.comparing(Claim::openedAt)
                                                        .reversed())
                                                .toList())))),
                    post(() -> openClaim(p, id)))),
        pathPrefix(
            segment(),
            claimId ->
                concat(
                    path(
                        "assess",
                        () ->
                            post(
                                () ->
                                    write(
                                        p,
                                        id,
                                        PolicyAccess.Action.SETTLE_CLAIM,
                                        InsuranceRequests.AssessBody.class,
                                        (b, by) ->
                                            book.assessClaim(
                                                id,
                                                recordId(claimId, "claim id"),
                                                amount(b.loss(), "loss"),
                                                note(b.note()),
                                                by)))),
                    path(
                        "pay",
                        () ->
                            post(
                                () ->
                                    write(
                                        p,
                                        id,
                                        PolicyAccess.Action.SETTLE_CLAIM,
                                        InsuranceRequests.NoteBody.class,
                                        (b, by) ->
                                            book.payClaim(
                                                id,
                                                recordId(claimId, "claim id"),
                                                note(b.note()),
                                                by)))),
                    path(
                        "reject",
                        () ->
                            post(
                                () ->
                                    write(
                                        p,
                                        id,
                                        PolicyAccess.Action.SETTLE_CLAIM,
                                        InsuranceRequests.NoteBody.class,
                                        (b, by) ->
                                            book.rejectClaim(
                                                id,
                                                recordId(claimId, "claim id"),
                                                note(b.note()),
                                                by)))))));
  }

  private Route serviceActions(Principal p, String id) {
    return concat(
        pathEnd(
            () ->
                get(
                    () ->
                        read(
                            p,
                            id,
                            s ->
                                Responses.json(
                                    StatusCodes.OK,
                                    new PolicyView.ServiceActions(
                                        id,
                                        s.serviceActions().values().stream()
                                            .map(
                                                a ->
                                                    new PolicyView.ServiceActions.Action(
                                                        a, a.isOverdue(clock.instant())))
                                            .toList(),
                                        clock.instant()))))),
        pathPrefix(
            segment(),
            actionId ->
                path(
                    "complete",
                    () ->
                        post(
                            () ->
                                write(
                                    p,
                                    id,
                                    PolicyAccess.Action.COMPLETE_SERVICE,
                                    InsuranceRequests.NoteBody.class,
                                    (b, by) ->
                                        book.completeServiceAction(
                                            id,
                                            recordId(actionId, "service action id"),
                                            note(b.note()),
                                            by))))));
  }

  private PolicyView view(PolicyState s) {
    return PolicyView.of(s, clock.instant());
  }

  private Route quote(Principal p) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, PolicyAccess.Action.UNDERWRITE);
          InsuranceRequests.QuoteBody q = Json.read(text, InsuranceRequests.QuoteBody.class);
          List<String> problems = new ArrayList<>();
          String insurer = insurerOf(p, q.insurer(), problems);
          problems.addAll(q.problems(TwinRules.today(clock.instant())));
          List<String> elevators = q.elevators();
          if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
          }
          CompletionStage<PolicyState> quoted =
              book.quote(
                  new PolicyBook.QuoteSpec(
                      insurer, q.policyholder().trim(), q.product(), elevators, q.term()),
                  covers(p),
                  p.id());
          return Responses.respond(quoted, s -> Responses.json(StatusCodes.CREATED, view(s)));
        });
  }

  /** The quote of a policy's renewal: bind it (POST /policies) to renew the policy. */
  private Route renew(Principal p, String rawId) {
    return safely(
        () ->
            Responses.respond(
                policy(p, rawId, PolicyAccess.Action.UNDERWRITE)
                    .thenCompose(s -> book.renew(s, covers(p), p.id())),
                s -> Responses.json(StatusCodes.CREATED, view(s))));
  }

  /** Whether {@code p} may see an elevator's row: one it may not is quoted as if not registered. */
  private static Predicate<FleetRow> covers(Principal p) {
    return row ->
        AccessPolicy.covers(
            p,
            new ElevatorScope(
                row.elevatorId(),
                row.district(),
                row.insurer(),
                row.maintenanceCompany(),
                row.usingUnit()));
  }

  /** The insurer a quote is for: an insurer's own, or the one an admin names. */
  private static String insurerOf(Principal p, String named, List<String> problems) {
    if (p.role() == Role.INSURER) {
      String own = p.scope().insurer();
      if (named != null && !named.equals(own)) {
        throw forbidden(p, "quote for insurer '" + named + "' (an insurer quotes for itself)");
      }
      return own;
    }
    if (named == null || named.isBlank() || named.length() > 128) {
      problems.add("insurer is required (1-128 characters) when an admin quotes");
    }
    return named;
  }

  private Route bind(Principal p) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, PolicyAccess.Action.UNDERWRITE);
          InsuranceRequests.BindBody b = Json.read(text, InsuranceRequests.BindBody.class);
          if (b.quoteId() == null) {
            throw ApiException.badRequest("quoteId is required: the policyId of a quote");
          }
          String id = recordId(b.quoteId(), "quoteId");
          return Responses.respond(
              visible(p, id).thenCompose(s -> book.bind(id, p.id())),
              s -> Responses.json(StatusCodes.CREATED, view(s)));
        });
  }

  private Route list(Principal p) {
    return parameterOptional(
        "limit",
        limit ->
            parameterOptional(
                "after",
                after ->
                    safely(
                        () -> {
                          require(p, PolicyAccess.Action.READ);
                          int n = (int) number(limit, "limit", 100, 1, settings.maxPage());
                          // An insurer lists its book, a using unit the policies it holds, an admin
                          // all.
                          String insurer = p.role() == Role.INSURER ? p.scope().insurer() : null;
                          String policyholder =
                              p.role() == Role.USING_UNIT ? p.scope().usingUnit() : null;
                          return Responses.respond(
                              book.reader()
                                  .policies(
                                      insurer,
                                      policyholder,
                                      after.map(a -> recordId(a, "after")).orElse(null),
                                      n),
                              page -> Responses.json(StatusCodes.OK, page));
                        })));
  }

  private Route premiumHistory(Principal p, String rawId) {
    return parameterOptional(
        "elevatorId",
        elevator ->
            safely(
                () -> {
                  elevator.ifPresent(RouteSupport::elevatorId);
                  return Responses.respond(
                      policy(p, rawId, PolicyAccess.Action.READ)
                          .thenCompose(s -> book.premiumHistory(s.policyId())),
                      entries ->
                          Responses.json(
                              StatusCodes.OK,
                              PremiumHistory.of(rawId, entries, elevator.orElse(null))));
                }));
  }

  private Route openClaim(Principal p, String rawId) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, PolicyAccess.Action.REPORT_CLAIM);
          InsuranceRequests.ClaimBody c = Json.read(text, InsuranceRequests.ClaimBody.class);
          List<String> problems = c.problems(RECORD_ID);
          if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
          }
          String claimId = c.claimId() != null ? c.claimId() : "m-" + UUID.randomUUID();
          Claim claim =
              new Claim(
                  claimId,
                  c.elevatorId(),
                  Claim.Source.MANUAL,
                  c.cause().trim(),
                  c.occurredAt(),
                  List.of(),
                  Claim.Status.OPENED,
                  c.amount(),
                  note(c.note()),
                  clock.instant(),
                  clock.instant());
          return Responses.respond(
              policy(p, rawId, PolicyAccess.Action.REPORT_CLAIM)
                  .thenCompose(s -> book.openClaim(s.policyId(), claim, p.id())),
              s -> Responses.json(StatusCodes.CREATED, s.claims().get(claimId)));
        });
  }

  /** A change to one policy by a principal. */
  @FunctionalInterface
  interface Change<B> {
    CompletionStage<PolicyState> apply(B body, String by);
  }

  private <B> Route write(
      Principal p, String rawId, PolicyAccess.Action action, Class<B> type, Change<B> change) {
    return body(
        settings.maxBodyBytes(),
        text -> {
          require(p, action);
          B b = Json.read(text, type);
          return Responses.respond(
              policy(p, rawId, action).thenCompose(s -> change.apply(b, p.id())),
              s -> Responses.json(StatusCodes.OK, view(s)));
        });
  }

  private Route read(
      Principal p,
      String rawId,
      Function<PolicyState, org.apache.pekko.http.javadsl.model.HttpResponse> answer) {
    return safely(() -> Responses.respond(policy(p, rawId, PolicyAccess.Action.READ), answer));
  }

  /**
   * The policy, if {@code p} may take {@code action} on it: 403 for a role that never may, 404 if
   * not visible.
   */
  private CompletionStage<PolicyState> policy(
      Principal p, String rawId, PolicyAccess.Action action) {
    require(p, action);
    return visible(p, recordId(rawId, "policy id"));
  }

  private CompletionStage<PolicyState> visible(Principal p, String id) {
    return book.get(id)
        .thenApply(
            s -> {
              if (!PolicyAccess.sees(p, s.insurer(), s.policyholder())) {
                throw new RejectedException(
                    new Rejection(
                        Rejection.Code.NOT_REGISTERED,
                        "policy '" + id + "' does not exist",
                        List.of()));
              }
              return s;
            });
  }

  private static void require(Principal p, PolicyAccess.Action action) {
    if (!PolicyAccess.roleMay(p.role(), action)) {
      throw forbidden(p, action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " policies");
    }
  }

  private static ApiException forbidden(Principal p, String what) {
    return new ApiException(
        StatusCodes.FORBIDDEN,
        "forbidden",
        "principal '" + p.id() + "' (" + p.role().wireName() + ") may not " + what,
        List.of());
  }

  private static BigDecimal amount(BigDecimal v, String what) {
    if (v == null || v.signum() < 0 || v.scale() > 2) {
      throw ApiException.badRequest(
          what + " (CNY) is required: zero or more, at most two decimals");
    }
    return v;
  }

  private static String note(String note) {
    if (note != null && note.length() > 512) {
      throw ApiException.badRequest("note must be at most 512 characters");
    }
    return note;
  }
}
