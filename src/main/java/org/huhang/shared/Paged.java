package org.huhang.shared;

import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * One page of a list that was paginated in the database. Pages count from 0. When {@code
 * totalCapped}, the list was counted only up to {@code total} and holds more.
 */
public record Paged<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

  public Paged(List<T> items, int page, int size, long total) {
    this(items, page, size, total, false);
  }

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** Lists are counted up to this many rows; beyond it the pager says "more than" it. */
  public static final int COUNT_CAP = 1000;

  /**
   * A page read before its count: a short page (or a first page) tells the total without counting;
   * otherwise {@code countUpTo} counts the matches up to the limit it is given ({@link #COUNT_CAP}
   * + 1, a query with {@code limit} that stops early), and more than the cap reads as capped. So a
   * list of 50,000 rows never counts them all on every page.
   */
  public static <T> Paged<T> counted(
      List<T> items, int page, int size, LongUnaryOperator countUpTo) {
    if (items.size() < size && (page == 0 || !items.isEmpty())) {
      return new Paged<>(items, page, size, (long) page * size + items.size());
    }
    long counted = countUpTo.applyAsLong(COUNT_CAP + 1);
    return counted > COUNT_CAP
        ? new Paged<>(items, page, size, COUNT_CAP, true)
        : new Paged<>(items, page, size, counted);
  }

  public int pageCount() {
    return total == 0 ? 1 : (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  /** A capped list goes on while its pages are full. */
  public boolean hasNext() {
    return page + 1 < pageCount() || (totalCapped && items.size() == size);
  }

  public static int clampSize(Integer size) {
    if (size == null || size < 1) {
      return DEFAULT_SIZE;
    }
    return Math.min(size, MAX_SIZE);
  }

  public static int clampPage(Integer page) {
    return page == null || page < 0 ? 0 : page;
  }
}
