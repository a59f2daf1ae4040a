package io.liftguard.twin.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.liftguard.kernel.json.PlatformJson;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.util.List;
import java.util.Map;

/**
 * The JSON and CBOR form of the twin's domain types ({@link PlatformJson}), as mix-ins: the form
 * persisted before the domain was freed of Jackson, unchanged (twin's {@code persisted/twin.json}
 * golden copies).
 */
public final class TwinJsonModule extends SimpleModule {
  public TwinJsonModule() {
    super("liftguard-twin");
    setMixInAnnotation(TwinEvent.class, PlatformJson.TypedByName.class);
    registerSubtypes(PlatformJson.namedSubtypes(TwinEvent.class, Map.of()));
    setMixInAnnotation(TwinState.class, TwinStateMixIn.class);
    setMixInAnnotation(RegisterData.class, RegisterDataMixIn.class);
    setMixInAnnotation(Role.class, PlatformJson.WireNamed.class);
    setMixInAnnotation(Scope.class, ScopeMixIn.class);
  }

  /** Derived, not state. */
  interface TwinStateMixIn {
    @JsonIgnore
    boolean isRegistered();
  }

  /** Derived, not register data. */
  interface RegisterDataMixIn {
    @JsonIgnore
    boolean isThreeNo();
  }

  /** A scope without bound elevators leaves the list out. */
  interface ScopeMixIn {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> elevators();
  }
}
