package io.liftguard.kernel.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the platform's domain types map to JSON and CBOR, kept out of the pure {@code domain}
 * packages: each module that owns such types declares a Jackson module of mix-ins (a {@code
 * com.fasterxml.jackson.databind.Module} listed in its {@code META-INF/services}, Jackson's own
 * discovery), and every mapper the platform uses registers them: Pekko's serializers (the journal,
 * snapshots and cluster messages, through {@code LiftGuardConfig}), the API's mapper, and any
 * mapper built with {@code findAndRegisterModules()}.
 */
public final class PlatformJson {
  private PlatformJson() {}

  /** The platform's own modules on the class path (not Jackson's or Pekko's, registered apart). */
  public static List<Module> modules() {
    return ObjectMapper.findModules(PlatformJson.class.getClassLoader()).stream()
        .filter(m -> m.getClass().getName().startsWith("io.liftguard."))
        .toList();
  }

  /**
   * The subtypes of a sealed event type, each named (the {@code type} property of {@link
   * TypedByName}) by its simple class name unless {@code persistedAs} names it otherwise: an event
   * once persisted under another name keeps it, or the journal's copies would no longer read.
   */
  public static NamedType[] namedSubtypes(Class<?> sealed, Map<Class<?>, String> persistedAs) {
    return Arrays.stream(sealed.getPermittedSubclasses())
        .map(c -> new NamedType(c, persistedAs.getOrDefault(c, c.getSimpleName())))
        .toArray(NamedType[]::new);
  }

  /**
   * Mix-in for a sealed event type: each event carries its kind in a {@code type} property, so a
   * list of events (a twin's history, a policy's log) reads back into the right records.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  public interface TypedByName {}

  /** Mix-in for an enum whose wire name (lower case, hyphenated) is its JSON form, both ways. */
  public interface WireNamed {
    @JsonValue
    String wireName();
  }
}
