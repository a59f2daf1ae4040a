package io.liftguard.twin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.access.ElevatorScope;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdIndexTest {
  private static ElevatorScope e(String id, String district, String insurer) {
    return new ElevatorScope(id, district, insurer, "M", "U");
  }

  @Test
  void keepsEntriesSortedUniqueAndUpdatable() {
    IdIndex i = IdIndex.empty().with(e("c", "D1", "I1")).with(e("a", "D1", "I1")).with(e("b", "D1", "I1"));
    assertTrue(i.contains(e("b", "D1", "I1")));
    i = i.with(e("b", "D2", "I1"));
    assertEquals(List.of("a", "b", "c"), i.page(null, 10, null));
    assertEquals("D2", i.entries().get(1).district());
  }

  @Test
  void pagesAfterACursorWhetherOrNotTheCursorIsPresent() {
    IdIndex i = IdIndex.empty().with(e("a", "D", "I")).with(e("c", "D", "I")).with(e("e", "D", "I")).with(e("g", "D", "I"));
    assertEquals(List.of("a", "c"), i.page(null, 2, null));
    assertEquals(List.of("e", "g"), i.page("c", 5, null));
    assertEquals(List.of("e"), i.page("d", 1, null));
    assertEquals(List.of(), i.page("z", 3, null));
  }

  @Test
  void pagesOnlyWhatTheViewerMaySee() {
    IdIndex i = IdIndex.empty().with(e("a", "Yuzhong", "PICC")).with(e("b", "Jiangjin", "PICC"))
        .with(e("c", "Yuzhong", "PingAn")).with(e("d", "Yuzhong", "PICC"));
    Principal yuzhong = new Principal("r", Role.REGULATOR, new Scope("Yuzhong", null, null, null, null));
    Principal picc = new Principal("i", Role.INSURER, new Scope(null, "PICC", null, null, null));
    assertEquals(List.of("a", "c"), i.page(null, 2, yuzhong));
    assertEquals(List.of("d"), i.page("c", 2, yuzhong));
    assertEquals(List.of("a", "b", "d"), i.page(null, 10, picc));
  }

  @Test
  void mergesBucketPagesInOrder() {
    assertEquals(List.of("a", "b", "c"), IdIndex.mergePages(List.of(List.of("b", "d"), List.of("a", "c")), 3));
  }
}
