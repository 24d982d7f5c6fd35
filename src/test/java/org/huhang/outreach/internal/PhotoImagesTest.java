package org.huhang.outreach.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A phone's upright photo stays upright once its EXIF (and the orientation tag) is gone. */
class PhotoImagesTest {

  /** 40 × 20: the left half red, the right half blue, as the sensor saw it. */
  static byte[] sidewaysJpeg(int orientation, boolean littleEndian) throws Exception {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 20, 20);
    g.setColor(Color.BLUE);
    g.fillRect(20, 0, 20, 20);
    g.dispose();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", plain);
    byte[] jpeg = plain.toByteArray();
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    if (littleEndian) {
      tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
      tiff.writeBytes(new byte[] {1, 0}); // one entry
      tiff.writeBytes(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0});
    } else {
      tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
      tiff.writeBytes(new byte[] {0, 1});
      tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
    }
    tiff.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
    byte[] body = tiff.toByteArray();
    int length = 2 + 6 + body.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    out.writeBytes(body);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  static boolean reddish(int rgb) {
    Color c = new Color(rgb);
    return c.getRed() > 150 && c.getBlue() < 100;
  }

  static boolean bluish(int rgb) {
    Color c = new Color(rgb);
    return c.getBlue() > 150 && c.getRed() < 100;
  }

  @Test
  void aPhotoTaggedToBeTurnedClockwiseIsStoredUpright() throws Exception {
    for (boolean little : new boolean[] {true, false}) {
      byte[] bytes = sidewaysJpeg(6, little);
      assertThat(PhotoImages.exifOrientation(bytes)).isEqualTo(6);
      PhotoImages.Processed p = PhotoImages.process(bytes, "photo");
      assertThat(p.width()).isEqualTo(20);
      assertThat(p.height()).isEqualTo(40);
      BufferedImage stored = ImageIO.read(new ByteArrayInputStream(p.original()));
      assertThat(stored.getWidth()).isEqualTo(20);
      // Turned clockwise, the sensor's left (red) is now on top, its right (blue) at the bottom.
      assertThat(reddish(stored.getRGB(10, 5))).isTrue();
      assertThat(bluish(stored.getRGB(10, 35))).isTrue();
      assertThat(PhotoImages.exifOrientation(p.original())).isEqualTo(1);
      BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(p.thumbnail()));
      assertThat(thumb.getHeight()).isGreaterThan(thumb.getWidth());
    }
  }

  @Test
  void theOtherTurnsAndMirrorsLandWhereTheySay() throws Exception {
    // 8: turned anticlockwise, the sensor's right (blue) comes on top.
    BufferedImage eight =
        ImageIO.read(
            new ByteArrayInputStream(PhotoImages.process(sidewaysJpeg(8, true), "p").original()));
    assertThat(bluish(eight.getRGB(10, 5))).isTrue();
    // 3: upside down, blue on the left.
    BufferedImage three =
        ImageIO.read(
            new ByteArrayInputStream(PhotoImages.process(sidewaysJpeg(3, true), "p").original()));
    assertThat(three.getWidth()).isEqualTo(40);
    assertThat(bluish(three.getRGB(5, 10))).isTrue();
    // 2: mirrored, blue on the left too; 1: as it is.
    BufferedImage two =
        ImageIO.read(
            new ByteArrayInputStream(PhotoImages.process(sidewaysJpeg(2, false), "p").original()));
    assertThat(bluish(two.getRGB(5, 10))).isTrue();
    BufferedImage one =
        ImageIO.read(
            new ByteArrayInputStream(PhotoImages.process(sidewaysJpeg(1, true), "p").original()));
    assertThat(reddish(one.getRGB(5, 10))).isTrue();
  }

  @Test
  void aBrokenOrMissingTagLeavesThePictureAlone() throws Exception {
    byte[] bytes = sidewaysJpeg(6, true);
    // An IFD offset pointing past the segment, and an orientation out of range.
    byte[] broken = bytes.clone();
    broken[2 + 4 + 6 + 4] = (byte) 0x7F;
    assertThat(PhotoImages.exifOrientation(broken)).isEqualTo(1);
    assertThat(PhotoImages.exifOrientation(sidewaysJpeg(9, true))).isEqualTo(1);
    assertThat(PhotoImages.exifOrientation(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEqualTo(1);
    assertThat(PhotoImages.process(broken, "p").width()).isEqualTo(40);
  }
}
