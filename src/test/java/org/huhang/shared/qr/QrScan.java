package org.huhang.shared.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans a QR code as a phone would: the modules painted as pixels, read back by ZXing's decoder,
 * which knows nothing of how they were drawn. For tests of whatever prints a booking QR code.
 */
public final class QrScan {

  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
  private static final int PIXELS_PER_MODULE = 4;

  private QrScan() {}

  /** The text of an SVG drawn as {@link QrCode#svg()} draws it: only its path is read. */
  public static String svg(String svg) {
    Matcher box = VIEW_BOX.matcher(svg);
    if (!box.find()) {
      throw new AssertionError("no viewBox: " + svg);
    }
    int size = Integer.parseInt(box.group(1));
    boolean[][] dark = new boolean[size][size];
    Matcher module = MODULE.matcher(svg);
    while (module.find()) {
      dark[Integer.parseInt(module.group(2))][Integer.parseInt(module.group(1))] = true;
    }
    return decode(size, (x, y) -> dark[y][x]);
  }

  /** The text of a code, scanned from its modules painted black on white. */
  public static String code(QrCode code) {
    return decode(code.size(), code::dark);
  }

  private static final Pattern RECTANGLE =
      Pattern.compile("(-?[\\d.]+) (-?[\\d.]+) (-?[\\d.]+) (-?[\\d.]+) re");

  /**
   * The text of the QR code a PDF draws as filled rectangles in a form XObject ({@code
   * FormPdf#qr}): the rectangles painted at 4 pixels a point, then scanned.
   */
  public static String pdf(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      for (int i = 1; i < reader.getXrefSize(); i++) {
        PdfObject object = reader.getPdfObject(i);
        if (object instanceof PRStream stream && PdfName.FORM.equals(stream.get(PdfName.SUBTYPE))) {
          String content =
              new String(PdfReader.getStreamBytes(stream), StandardCharsets.ISO_8859_1);
          PdfArray box = stream.getAsArray(PdfName.BBOX);
          if (content.contains(" re") && box != null) {
            return rectangles(content, box.getAsNumber(3).floatValue());
          }
        }
      }
    } finally {
      reader.close();
    }
    throw new AssertionError("no QR code drawn in the PDF");
  }

  private static String rectangles(String content, float height) {
    int side = (int) Math.ceil(height);
    boolean[][] dark = new boolean[side * 4][side * 4];
    Matcher r = RECTANGLE.matcher(content);
    while (r.find()) {
      float x = Float.parseFloat(r.group(1));
      float y = Float.parseFloat(r.group(2));
      float w = Float.parseFloat(r.group(3));
      float h = Float.parseFloat(r.group(4));
      // PDF's y runs up from the bottom; the pixels' rows down from the top.
      for (int py = Math.round((height - y - h) * 4); py < Math.round((height - y) * 4); py++) {
        for (int px = Math.round(x * 4); px < Math.round((x + w) * 4); px++) {
          dark[py][px] = true;
        }
      }
    }
    return decodePixels(side * 4, (x, y) -> dark[y][x]);
  }

  interface Modules {
    boolean dark(int x, int y);
  }

  private static String decode(int size, Modules modules) {
    return decodePixels(
        size * PIXELS_PER_MODULE,
        (x, y) -> modules.dark(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE));
  }

  private static String decodePixels(int side, Modules pixel) {
    int[] pixels = new int[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        pixels[y * side + x] = pixel.dark(x, y) ? 0xFF000000 : 0xFFFFFFFF;
      }
    }
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
    try {
      return new QRCodeReader()
          .decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8"))
          .getText();
    } catch (ReaderException cameraLike) {
      // ZXing's detector misplaces the grid of about one in a hundred of these perfectly sharp
      // synthetic codes (a checksum error, seen here): read it then as the pure barcode it is,
      // module by module, which still checks every bit of what was drawn.
      try {
        return new QRCodeReader()
            .decode(
                bitmap,
                Map.of(
                    DecodeHintType.CHARACTER_SET,
                    "UTF-8",
                    DecodeHintType.PURE_BARCODE,
                    Boolean.TRUE))
            .getText();
      } catch (NotFoundException e) {
        throw new AssertionError("no QR code found", e);
      } catch (ReaderException e) {
        throw new AssertionError("QR code unreadable", e);
      }
    }
  }
}
