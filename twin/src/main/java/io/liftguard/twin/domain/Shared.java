package io.liftguard.twin.domain;

/**
 * One copy of a text that thousands of twins hold alike (a district, a manufacturer, a maintenance
 * company, a model version, a risk factor's name): each twin recovered from the journal or
 * registered from a request would otherwise keep its own, a few hundred bytes of heap a twin
 * (docs/benchmarks.md, heap per twin).
 */
public final class Shared {
  private Shared() {}

  public static String text(String s) {
    return s == null ? null : s.intern();
  }
}
