package io.liftguard.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;

/**
 * Golden copies of what the journal and snapshot store hold: each sample's serializer id, manifest
 * and bytes, as Pekko serialization wrote them, in a JSON file under {@code src/test/resources}.
 * {@link #check} reads every golden copy back, whole, into an object of its sample's class (data
 * persisted by an earlier build stays readable) and writes each sample into the same bytes (the
 * format has not drifted). A deliberate change of format is recorded with {@code
 * -Dliftguard.persisted-forms.record=<module dir>}, which rewrites the file from the samples; the
 * diff then shows what changed, and the old file is what an upgrade must still read: keep it beside
 * the new one and read it with {@link #readAll}.
 */
public final class PersistedForms {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PersistedForms() {}

  public static void check(ActorSystem<?> system, String resource, Map<String, Object> samples) {
    Serialization serialization = SerializationExtension.get(system);
    String recordInto = System.getProperty("liftguard.persisted-forms.record");
    if (recordInto != null) {
      record(serialization, Path.of(recordInto, "src/test/resources", resource), samples);
    }
    JsonNode golden = read(resource);
    assertEquals(
        samples.keySet(),
        JSON.convertValue(golden, Map.class).keySet(),
        "the samples and the golden copies in " + resource);
    samples.forEach(
        (name, sample) -> {
          JsonNode copy = golden.get(name);
          byte[] bytes = Base64.getDecoder().decode(copy.get("bytes").asText());
          Object read =
              serialization
                  .deserialize(
                      bytes, copy.get("serializerId").asInt(), copy.get("manifest").asText())
                  .get();
          // Read back whole: the same kind, and nothing lost (it writes the same bytes again). Not
          // equals(): a breakdown's Map<String, Object> inputs read an enum back as its name.
          assertEquals(sample.getClass(), read.getClass(), name);
          assertArrayEquals(
              bytes, serialization.serialize(read).get(), name + " read back from its golden copy");
          Serializer serializer = serialization.findSerializerFor(sample);
          assertEquals(copy.get("serializerId").asInt(), serializer.identifier(), name);
          assertEquals(
              copy.get("manifest").asText(), Serializers.manifestFor(serializer, sample), name);
          assertArrayEquals(
              bytes, serialization.serialize(sample).get(), name + " written as its golden copy");
        });
  }

  /**
   * Every golden copy in {@code resource}, read back, by name: for a copy kept from before a
   * deliberate change of format, which an upgrade must still read but the build no longer writes.
   */
  public static Map<String, Object> readAll(ActorSystem<?> system, String resource) {
    Serialization serialization = SerializationExtension.get(system);
    Map<String, Object> out = new LinkedHashMap<>();
    read(resource)
        .fields()
        .forEachRemaining(
            e ->
                out.put(
                    e.getKey(),
                    serialization
                        .deserialize(
                            Base64.getDecoder().decode(e.getValue().get("bytes").asText()),
                            e.getValue().get("serializerId").asInt(),
                            e.getValue().get("manifest").asText())
                        .get()));
    return out;
  }

  /** Every kind of {@code sealed} (its permitted subclasses) has a sample, named by simple name. */
  public static void assertCoversEveryKind(Class<?> sealed, Map<String, Object> samples) {
    for (Class<?> kind : sealed.getPermittedSubclasses()) {
      assertTrue(
          samples.containsKey(kind.getSimpleName()),
          kind.getSimpleName() + " has no golden copy: add a sample");
    }
  }

  private static void record(Serialization serialization, Path file, Map<String, Object> samples) {
    ObjectNode all = JSON.createObjectNode();
    samples.forEach(
        (name, sample) -> {
          Serializer serializer = serialization.findSerializerFor(sample);
          ObjectNode copy = all.putObject(name);
          copy.put("serializerId", serializer.identifier());
          copy.put("manifest", Serializers.manifestFor(serializer, sample));
          copy.put(
              "bytes", Base64.getEncoder().encodeToString(serialization.serialize(sample).get()));
        });
    try {
      Files.createDirectories(file.getParent());
      JSON.writeValue(file.toFile(), all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String resource) {
    // Read from the source tree when recording, so the check sees the file just written.
    String recordInto = System.getProperty("liftguard.persisted-forms.record");
    try (InputStream in =
        recordInto != null
            ? Files.newInputStream(Path.of(recordInto, "src/test/resources", resource))
            : PersistedForms.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "no golden copies at " + resource);
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
