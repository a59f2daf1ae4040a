package io.liftguard.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.liftguard.api.http.Json;
import io.liftguard.twin.domain.Reading;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The ceiling of ingest on this machine: a bare Pekko HTTP endpoint, {@code POST
 * /api/v1/telemetry}, that parses the same JSON the platform takes (a reading or an array of
 * readings, bound to {@link Reading} by the platform's own mapper) and answers 202 with the count,
 * and does nothing else: no authentication, validation, twins or storage. {@code
 * scripts/bench-ingest.sh} measures the platform against it in the same run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.liftguard.benchmarks.BareEndpoint PORT</pre>
 */
public final class BareEndpoint extends AllDirectives {

  public static void main(String[] args) {
    int port = Integer.parseInt(args.length > 0 ? args[0] : "8090");
    // Pekko's reference configuration only: the platform's application.conf (cluster, persistence)
    // is on this class path too, and a bare endpoint must not start any of it.
    var config =
        ConfigFactory.parseMap(
                Map.of(
                    "pekko.actor.provider", "local",
                    "pekko.http.server.parsing.max-content-length", "8m"))
            .withFallback(ConfigFactory.defaultReference());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bare", config);
    Http.get(system)
        .newServerAt("127.0.0.1", port)
        .bind(new BareEndpoint().route())
        .thenAccept(b -> System.out.println("bare endpoint on " + b.localAddress()));
  }

  Route route() {
    return pathPrefix(
        "api",
        () ->
            pathPrefix(
                "v1",
                () ->
                    path(
                        "telemetry",
                        () ->
                            post(
                                () ->
                                    entity(
                                        Unmarshaller.entityToString(),
                                        text -> {
                                          JsonNode tree = Json.tree(text);
                                          List<Reading> readings =
                                              tree.isArray()
                                                  ? Json.convertEach(tree, Reading.class)
                                                  : List.of(Json.convert(tree, Reading.class, ""));
                                          return complete(
                                              HttpResponse.create()
                                                  .withStatus(StatusCodes.ACCEPTED)
                                                  .withEntity(
                                                      HttpEntities.create(
                                                          ContentTypes.APPLICATION_JSON,
                                                          "{\"readings\":"
                                                              + readings.size()
                                                              + "}")));
                                        })))));
  }
}
