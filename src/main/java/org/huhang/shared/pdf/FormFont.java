package org.huhang.shared.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font every printed form uses, shipped with the application so that a form never depends
 * on the fonts of the server: Noto Sans Simplified Chinese converted to TrueType outlines ({@code
 * tools/fonts/otf2ttf.py}; SIL OFL 1.1, licence in {@code fonts/OFL.txt}), because OpenPDF maps the
 * glyphs of a CID-keyed CFF font wrongly. Read once; embedded as a subset (Identity-H).
 */
final class FormFont {

  static final String RESOURCE = "fonts/HuhangFormSansSC-Regular.ttf";

  private FormFont() {}

  /** Loaded on first use, then shared: the font program is read-only once parsed. */
  private static final class Holder {
    private static final BaseFont FONT = load();
  }

  static BaseFont get() {
    return Holder.FONT;
  }

  private static BaseFont load() {
    try (InputStream in = FormFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the form font " + RESOURCE + " is missing");
      }
      BaseFont font =
          BaseFont.createFont(
              "HuhangFormSansSC-Regular.ttf",
              BaseFont.IDENTITY_H,
              BaseFont.EMBEDDED,
              false,
              in.readAllBytes(),
              null);
      font.setSubset(true);
      return font;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
