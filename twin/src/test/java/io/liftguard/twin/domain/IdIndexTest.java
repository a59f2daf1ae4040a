package io.liftguard.twin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdIndexTest {
  @Test
  void keepsIdsSortedAndUnique() {
    IdIndex i = IdIndex.empty().with("c").with("a").with("b");
    assertSame(i, i.with("b"));
    assertEquals(List.of("a", "b", "c"), i.ids());
  }

  @Test
  void pagesAfterACursorWhetherOrNotTheCursorIsPresent() {
    IdIndex i = IdIndex.empty().with("a").with("c").with("e").with("g");
    assertEquals(List.of("a", "c"), i.page(null, 2));
    assertEquals(List.of("e", "g"), i.page("c", 5));
    assertEquals(List.of("e"), i.page("d", 1));
    assertEquals(List.of(), i.page("z", 3));
  }

  @Test
  void mergesBucketPagesInOrder() {
    assertEquals(List.of("a", "b", "c"), IdIndex.mergePages(List.of(List.of("b", "d"), List.of("a", "c")), 3));
  }
}
