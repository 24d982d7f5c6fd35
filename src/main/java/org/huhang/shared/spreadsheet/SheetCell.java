package org.huhang.shared.spreadsheet;

/**
 * One cell of an uploaded table, as text: dates in ISO form, numbers in plain notation. {@code
 * numeric} tells that Excel held a number (an identity number typed as one has lost its last
 * digits).
 */
public record SheetCell(String text, boolean numeric) {

  public static final SheetCell EMPTY = new SheetCell("", false);

  public boolean empty() {
    return text.isEmpty();
  }
}
