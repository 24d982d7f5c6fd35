package org.huhang.outreach.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.huhang.shared.DomainException;

/**
 * Turns uploaded bytes into a stored photo, or refuses them. What a file is comes from its content
 * alone, never from its name or the type the browser declared: the first bytes must be those of a
 * JPEG or a PNG, the header's dimensions must be sane before a pixel is decoded (a small PNG may
 * claim 50 000 × 50 000 pixels and take gigabytes to decode), and the whole picture must decode.
 * Pure java.awt / ImageIO, headless, in memory (no ImageIO disk cache).
 */
final class PhotoImages {

  static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_SIDE = 10_000;
  static final long MAX_PIXELS = 40_000_000L;
  static final int THUMBNAIL_SIDE = 320;

  /** A photo ready to store: the re-encoded original, its thumbnail and what they are. */
  record Processed(String contentType, int width, int height, byte[] original, byte[] thumbnail) {}

  private enum Format {
    JPEG("jpeg", "image/jpeg"),
    PNG("png", "image/png");

    final String name;
    final String contentType;

    Format(String name, String contentType) {
      this.name = name;
      this.contentType = contentType;
    }
  }

  private PhotoImages() {}

  /**
   * Checks the bytes and re-encodes them. Refuses (DomainException on {@code field}) an empty file,
   * one over {@link #MAX_BYTES}, one that is not a JPEG or PNG by its content, one whose header
   * claims more than {@link #MAX_SIDE} per side or {@link #MAX_PIXELS} in all, and one that does
   * not decode.
   */
  static Processed process(byte[] bytes, String field) {
    if (bytes == null || bytes.length == 0) {
      throw DomainException.of(field, "outreach.photo.empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw DomainException.of(field, "outreach.photo.tooLarge", MAX_BYTES / (1024 * 1024));
    }
    Format format = sniff(bytes);
    if (format == null) {
      throw DomainException.of(field, "outreach.photo.type");
    }
    BufferedImage image = decode(bytes, format, field);
    if (format == Format.JPEG) {
      // A phone stores a picture as the sensor saw it and says in EXIF how to turn it; the tag
      // goes with the metadata below, so the turn is applied to the pixels first.
      image = oriented(image, exifOrientation(bytes));
    }
    // Re-encoding writes the pixels only: EXIF and other metadata, the GPS position where a
    // family was photographed among them, are not carried over into what is stored and served.
    byte[] original = format == Format.PNG ? png(image) : jpeg(plain(image), 0.9f);
    return new Processed(
        format.contentType, image.getWidth(), image.getHeight(), original, thumbnail(image));
  }

  /** JPEG or PNG by the first bytes, or null. */
  private static Format sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return Format.JPEG;
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (b.length < png.length) {
      return null;
    }
    for (int i = 0; i < png.length; i++) {
      if (b[i] != png[i]) {
        return null;
      }
    }
    return Format.PNG;
  }

  private static BufferedImage decode(byte[] bytes, Format format, String field) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name);
    if (!readers.hasNext()) {
      throw new IllegalStateException("no ImageIO reader for " + format.name);
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width;
      int height;
      try {
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } catch (IOException | RuntimeException e) {
        throw DomainException.of(field, "outreach.photo.unreadable");
      }
      // Asked from the header before any pixel is decoded: a decompression bomb stops here.
      if (width <= 0
          || height <= 0
          || width > MAX_SIDE
          || height > MAX_SIDE
          || (long) width * height > MAX_PIXELS) {
        throw DomainException.of(
            field,
            "outreach.photo.dimensions",
            String.valueOf(MAX_SIDE),
            String.valueOf(MAX_PIXELS / 1_000_000),
            String.valueOf(MAX_PIXELS / 10_000));
      }
      try {
        return reader.read(0);
      } catch (IOException | RuntimeException e) {
        throw DomainException.of(field, "outreach.photo.unreadable");
      }
    } catch (IOException e) {
      throw DomainException.of(field, "outreach.photo.unreadable");
    } finally {
      reader.dispose();
    }
  }

  /**
   * The EXIF orientation (1–8) of a JPEG, 1 when it has none or it cannot be read: the first APP1
   * "Exif" segment's TIFF header, IFD0, tag 0x0112. Reads only within the segment's bounds.
   */
  static int exifOrientation(byte[] b) {
    int i = 2;
    while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xD9 || marker == 0xDA) {
        return 1; // end of image or start of the pixels: no EXIF before them
      }
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      int start = i + 4;
      int end = Math.min(b.length, i + 2 + length);
      if (length < 2) {
        return 1;
      }
      if (marker == 0xE1 && end - start > 14 && isExif(b, start)) {
        return orientationInTiff(b, start + 6, end);
      }
      i = i + 2 + length;
    }
    return 1;
  }

  private static boolean isExif(byte[] b, int at) {
    return b[at] == 'E'
        && b[at + 1] == 'x'
        && b[at + 2] == 'i'
        && b[at + 3] == 'f'
        && b[at + 4] == 0
        && b[at + 5] == 0;
  }

  private static int orientationInTiff(byte[] b, int tiff, int end) {
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
      little = true;
    } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
      little = false;
    } else {
      return 1;
    }
    long ifd = tiff + unsigned(b, tiff + 4, 4, little, end);
    if (ifd < tiff || ifd + 2 > end) {
      return 1;
    }
    int entries = (int) unsigned(b, (int) ifd, 2, little, end);
    for (int e = 0; e < entries; e++) {
      int at = (int) ifd + 2 + e * 12;
      if (at + 12 > end) {
        return 1;
      }
      if (unsigned(b, at, 2, little, end) == 0x0112) {
        int value = (int) unsigned(b, at + 8, 2, little, end);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static long unsigned(byte[] b, int at, int size, boolean little, int end) {
    if (at < 0 || at + size > end) {
      return -1;
    }
    long v = 0;
    for (int k = 0; k < size; k++) {
      int octet = b[little ? at + size - 1 - k : at + k] & 0xFF;
      v = (v << 8) | octet;
    }
    return v;
  }

  /** The picture turned and mirrored as EXIF orientation {@code o} says it is to be shown. */
  static BufferedImage oriented(BufferedImage image, int o) {
    if (o <= 1 || o > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = o >= 5;
    java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
    switch (o) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0); // mirrored left–right
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h); // upside down
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h); // mirrored top–bottom
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transposed
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0); // to be turned 90° clockwise
      case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transversed
      default -> t.setTransform(0, -1, 1, 0, 0, w); // 8: to be turned 90° anticlockwise
    }
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** At most {@link #THUMBNAIL_SIDE} on the long side, never enlarged; transparency on white. */
  private static byte[] thumbnail(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double scale = Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(w, h));
    int tw = Math.max(1, (int) Math.round(w * scale));
    int th = Math.max(1, (int) Math.round(h * scale));
    return jpeg(opaque(image, tw, th), 0.82f);
  }

  /** The decoded JPEG as the JPEG writer takes it, copied only when its pixel layout is unusual. */
  private static BufferedImage plain(BufferedImage image) {
    int type = image.getType();
    return type == BufferedImage.TYPE_3BYTE_BGR
            || type == BufferedImage.TYPE_BYTE_GRAY
            || type == BufferedImage.TYPE_INT_RGB
        ? image
        : opaque(image, image.getWidth(), image.getHeight());
  }

  /** The picture drawn at this size on white, in RGB: JPEG has no transparency. */
  private static BufferedImage opaque(BufferedImage image, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static byte[] png(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
