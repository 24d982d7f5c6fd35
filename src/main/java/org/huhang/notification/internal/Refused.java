package org.huhang.notification.internal;

/**
 * A provider's refusal, by its own code ({@code isv.BUSINESS_LIMIT_CONTROL}): what the attempt
 * records, never the number nor the text.
 */
public class Refused extends RuntimeException {

  private final String code;

  public Refused(String code) {
    super(code, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
