package org.huhang.shared.spreadsheet;

/** An uploaded file that is not a usable volunteer sheet: the message key says why. */
public class SpreadsheetRefused extends RuntimeException {

  private final String messageKey;
  private final Object[] args;

  public SpreadsheetRefused(String messageKey, Object... args) {
    super(messageKey, null, false, false);
    this.messageKey = messageKey;
    this.args = args;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }
}
