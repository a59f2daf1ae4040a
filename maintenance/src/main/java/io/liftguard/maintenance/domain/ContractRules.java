package io.liftguard.maintenance.domain;

import io.liftguard.kernel.domain.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a contract's commands do to its history. Pure. */
public final class ContractRules {
  private ContractRules() {}

  /**
   * Signs {@code proposed} as the contract's next version (its own version number is ignored: the
   * history numbers them). The parties cannot change between versions (a new pair is a new
   * contract); the same terms as the version in force are a retry and change nothing.
   */
  public static Decision<ContractEvent> sign(
      ContractHistory history, Contract proposed, Instant now, String by) {
    if (proposed == null) {
      return Decision.invalid("a contract is required");
    }
    Contract next = withVersion(proposed, history.versions().size() + 1);
    if (!history.id().equals(proposed.id())) {
      return Decision.invalid(
          "contract id '" + proposed.id() + "' does not match '" + history.id() + "'");
    }
    List<String> problems = next.problems();
    if (!problems.isEmpty()) {
      return Decision.invalid(problems);
    }
    Contract current = history.current();
    if (current != null) {
      if (!current.company().equals(next.company())
          || !current.usingUnit().equals(next.usingUnit())) {
        return Decision.conflict(
            "contract "
                + history.id()
                + " is between "
                + current.usingUnit()
                + " and "
                + current.company()
                + ": the parties of a contract do not change (sign a new one)");
      }
      if (sameTerms(current, next)) {
        return Decision.accept("duplicate");
      }
    }
    return Decision.accept(
        current == null ? "signed" : "amended", new ContractEvent.Signed(next, now, by));
  }

  private static Contract withVersion(Contract c, int version) {
    return new Contract(
        c.id(),
        version,
        c.usingUnit(),
        c.company(),
        c.elevators(),
        c.mode(),
        c.targets(),
        c.annualPricePerElevator(),
        c.start(),
        c.end());
  }

  private static boolean sameTerms(Contract a, Contract b) {
    return a.elevators().equals(b.elevators())
        && a.mode().equals(b.mode())
        && a.targets().equals(b.targets())
        && a.annualPricePerElevator().compareTo(b.annualPricePerElevator()) == 0
        && a.start().equals(b.start())
        && a.end().equals(b.end())
        && Objects.equals(a.company(), b.company());
  }
}
