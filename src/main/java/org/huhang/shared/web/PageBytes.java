package org.huhang.shared.web;

import gg.jte.TemplateOutput;
import java.util.Arrays;

/**
 * A page rendered into one growing UTF-8 byte array: the templates' static text arrives already
 * encoded (jte's binary static content) and is copied; the values are encoded here. jte's own
 * {@code Utf8ByteOutput} keeps every piece as an array of its own, and a list of forty rows made
 * thousands of them (issue 13).
 */
final class PageBytes implements TemplateOutput {

  private byte[] bytes = new byte[16 * 1024];
  private int size;

  @Override
  public void writeContent(String value) {
    writeContent(value, 0, value.length());
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    room(3 * (endIndex - beginIndex));
    byte[] b = bytes;
    int n = size;
    for (int i = beginIndex; i < endIndex; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        b[n++] = (byte) c;
      } else if (c < 0x800) {
        b[n++] = (byte) (0xc0 | (c >> 6));
        b[n++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < endIndex
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, value.charAt(++i));
        b[n++] = (byte) (0xf0 | (cp >> 18));
        b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[n++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        b[n++] = '?'; // as String.getBytes(UTF_8) writes a lone surrogate
      } else {
        b[n++] = (byte) (0xe0 | (c >> 12));
        b[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[n++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    size = n;
  }

  @Override
  public void writeBinaryContent(byte[] value) {
    room(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  byte[] array() {
    return bytes;
  }

  int size() {
    return size;
  }

  private void room(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
