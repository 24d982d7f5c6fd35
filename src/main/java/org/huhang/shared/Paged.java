package org.huhang.shared;

import java.util.List;

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

  public int pageCount() {
    return total == 0 ? 1 : (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < pageCount();
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
