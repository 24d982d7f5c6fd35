package org.huhang.shared.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code drawn by ZXing as a square of modules (a 4-module quiet zone included), for whatever
 * draws it: SVG for pages and posters, vector squares on a printed form ({@code FormPdf#qr}). Sharp
 * at any print size because nothing is ever a raster image.
 */
public final class QrCode {

  /** The quiet zone around the code, in modules: what scanners need on a busy poster. */
  static final int QUIET_ZONE = 4;

  private final BitMatrix matrix;

  private QrCode(BitMatrix matrix) {
    this.matrix = matrix;
  }

  /** The QR code of {@code text} (UTF-8, error correction M: survives a fold or a stain). */
  public static QrCode of(String text) {
    try {
      return new QrCode(
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      QUIET_ZONE,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8")));
    } catch (WriterException e) {
      throw new IllegalStateException("QR code", e);
    }
  }

  /** Modules on a side, the quiet zone included. */
  public int size() {
    return matrix.getWidth();
  }

  /** Whether the module at column {@code x}, row {@code y} (from the top left) is dark. */
  public boolean dark(int x, int y) {
    return matrix.get(x, y);
  }

  /**
   * The SVG path data of the dark modules, one unit square each, in a {@code viewBox} of {@link
   * #size()}: for a page that draws the code inline in its own {@code <svg>}.
   */
  public String path() {
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < size(); y++) {
      for (int x = 0; x < size(); x++) {
        if (dark(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return path.toString();
  }

  /** The SVG: a white square and one path of the dark modules, one unit each. */
  public String svg() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + size()
        + " "
        + size()
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\""
        + path()
        + "\"/></svg>";
  }
}
