package io.liftguard.kernel;

/**
 * Marker for every message, event and state that Pekko serializes with Jackson CBOR (bound in
 * reference.conf). Plain Java, so the pure domain may implement it.
 */
public interface CborSerializable {}
