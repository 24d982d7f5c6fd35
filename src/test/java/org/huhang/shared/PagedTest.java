package org.huhang.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PagedTest {

  private static List<Integer> rows(int n) {
    return Collections.nCopies(n, 1);
  }

  @Test
  void aShortPageTellsItsTotalWithoutCounting() {
    AtomicInteger counts = new AtomicInteger();
    Paged<Integer> first = Paged.counted(rows(3), 0, 20, limit -> counts.incrementAndGet());
    Paged<Integer> last = Paged.counted(rows(5), 2, 20, limit -> counts.incrementAndGet());
    assertThat(counts).hasValue(0);
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.hasNext()).isFalse();
    assertThat(last.total()).isEqualTo(45);
    assertThat(last.pageCount()).isEqualTo(3);
    assertThat(last.totalCapped()).isFalse();
  }

  @Test
  void aFullPageIsCountedUpToTheCap() {
    Paged<Integer> some = Paged.counted(rows(20), 0, 20, limit -> 57);
    assertThat(some.total()).isEqualTo(57);
    assertThat(some.totalCapped()).isFalse();
    assertThat(some.pageCount()).isEqualTo(3);
    Paged<Integer> exactlyTheCap = Paged.counted(rows(20), 0, 20, limit -> Paged.COUNT_CAP);
    assertThat(exactlyTheCap.totalCapped()).isFalse();
  }

  @Test
  void moreThanTheCapReadsAsCappedAndPagesGoOnWhileFull() {
    long[] asked = new long[1];
    Paged<Integer> many =
        Paged.counted(
            rows(20),
            70,
            20,
            limit -> {
              asked[0] = limit;
              return limit;
            });
    assertThat(asked[0]).isEqualTo(Paged.COUNT_CAP + 1);
    assertThat(many.totalCapped()).isTrue();
    assertThat(many.total()).isEqualTo(Paged.COUNT_CAP);
    assertThat(many.hasPrevious()).isTrue();
    assertThat(many.hasNext()).isTrue();
    // Past the end of a capped list: an empty page is counted, and nothing follows it.
    Paged<Integer> past = Paged.counted(List.of(), 900, 20, limit -> limit);
    assertThat(past.hasNext()).isFalse();
  }
}
