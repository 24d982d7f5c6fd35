package org.huhang.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** Photos of outreach events: checked by content, limited, stripped of EXIF, served in scope. */
class OutreachPhotoIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService accounts;

  <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String username, B request) {
    return request.with(user(accounts.loadUserByUsername(username)));
  }

  /** A new event of the county, recorded by its administrator: each test has its own. */
  String newEvent(String admin, String county, String title) throws Exception {
    String json =
        """
        {"type":"FAMILY_EDUCATION","title":"%s","heldOn":"2023-05-20","startsAt":"14:30",
         "regionCode":"%s","place":"社区活动室","speakers":["刘静"],"attendance":40}"""
            .formatted(title, county);
    String body =
        mvc.perform(
                post("/api/v1/outreach-events")
                    .with(httpBasic(admin, DEMO_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  ResultActions apiUpload(String username, String event, MockMultipartFile file) throws Exception {
    return mvc.perform(
        multipart("/api/v1/outreach-events/" + event + "/photos")
            .file(file)
            .param("caption", "签约仪式")
            .header("Accept-Language", "zh-CN")
            .with(httpBasic(username, DEMO_PASSWORD)));
  }

  static MockMultipartFile file(String name, String declaredType, byte[] bytes) {
    return new MockMultipartFile("file", name, declaredType, bytes);
  }

  static byte[] png(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(200, 30, 60, 255));
    g.fillRect(width / 2, 0, width - width / 2, height); // the left half stays transparent
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static byte[] jpeg(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 120, 200));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  /** A JPEG carrying an EXIF segment with a (pretend) GPS position right after its start. */
  static byte[] jpegWithExif(String marker) throws Exception {
    byte[] plain = jpeg(640, 480);
    byte[] payload = ("Exif\0\0" + marker).getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out = ByteBuffer.allocate(plain.length + payload.length + 4);
    out.put(plain, 0, 2);
    out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
    out.put(plain, 2, plain.length - 2);
    return out.array();
  }

  /** A PNG whose header claims 50 000 × 50 000 pixels: a few bytes that would decode to 10 GB. */
  static byte[] pngBomb() {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII));
    ihdr.putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer out = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
    out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    out.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    out.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
    return out.array();
  }

  long photosOf(String event) {
    return jdbc.sql("select count(*) from outreach.event_photo where event_id = :e::uuid")
        .param("e", event)
        .query(Long.class)
        .single();
  }

  @Test
  void aRenamedTextFileIsRefusedByItsContentWhateverItsNameAndDeclaredType() throws Exception {
    String event = newEvent("admin-371623", "371623", "照片测试：改名文件");
    byte[] text = "这不是图片，只是改了扩展名".getBytes(StandardCharsets.UTF_8);
    apiUpload("admin-371623", event, file("x.jpg", "image/jpeg", text))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("JPEG 或 PNG")));
    // The page says the same, on the form.
    mvc.perform(
            as(
                    "admin-371623",
                    multipart("/outreach-events/" + event + "/photos")
                        .file(file("x.png", "image/png", text)))
                .with(csrf())
                .header("HX-Request", "true")
                .header("Accept-Language", "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("JPEG 或 PNG")))
        .andExpect(content().string(Matchers.containsString("is-invalid")));
    assertThat(photosOf(event)).isZero();
  }

  @Test
  void aPhotoOverTheSizeLimitIsRefusedNamingTheLimit() throws Exception {
    String event = newEvent("admin-371623", "371623", "照片测试：过大");
    byte[] big = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(jpeg(10, 10), 0, big, 0, 20);
    apiUpload("admin-371623", event, file("big.jpg", "image/jpeg", big))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("5 MB")));
    assertThat(photosOf(event)).isZero();
  }

  @Test
  void aPngHeaderClaimingFiftyThousandPixelsASideIsRefusedBeforeDecoding() throws Exception {
    String event = newEvent("admin-371623", "371623", "照片测试：解压炸弹");
    apiUpload("admin-371623", event, file("bomb.png", "image/png", pngBomb()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("10000 像素")));
    assertThat(photosOf(event)).isZero();
  }

  @Test
  void aPngAndAJpegAreStoredWithThumbnailsAndServedInline() throws Exception {
    String event = newEvent("admin-371623", "371623", "照片测试：有效照片");
    String pngBody =
        apiUpload("admin-371623", event, file("a.bin", "application/octet-stream", png(800, 400)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.contentType").value("image/png"))
            .andExpect(jsonPath("$.width").value(800))
            .andExpect(jsonPath("$.caption").value("签约仪式"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String pngId = JsonPath.read(pngBody, "$.id");
    String jpegBody =
        apiUpload("admin-371623", event, file("b.png", "image/png", jpeg(600, 900)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.contentType").value("image/jpeg"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String jpegId = JsonPath.read(jpegBody, "$.id");

    byte[] thumb =
        mvc.perform(
                as(
                    "counselor-371623",
                    get("/outreach-events/" + event + "/photos/" + pngId + "/thumbnail")))
            .andExpect(status().isOk())
            .andExpect(content().contentType("image/jpeg"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("Cache-Control", Matchers.containsString("private")))
            .andExpect(header().string("Content-Disposition", Matchers.startsWith("inline")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb));
    assertThat(small.getWidth()).isEqualTo(320);
    assertThat(small.getHeight()).isEqualTo(160);
    // The transparent half of the PNG is white in the JPEG thumbnail, not black.
    int rgb = small.getRGB(10, 80) & 0xFFFFFF;
    assertThat((rgb >> 16) & 0xFF).isGreaterThan(240);
    assertThat(rgb & 0xFF).isGreaterThan(240);

    byte[] full =
        mvc.perform(as("analyst", get("/outreach-events/" + event + "/photos/" + jpegId)))
            .andExpect(status().isOk())
            .andExpect(content().contentType("image/jpeg"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(ImageIO.read(new ByteArrayInputStream(full)).getHeight()).isEqualTo(900);

    mvc.perform(
            get("/api/v1/outreach-events/" + event + "/photos")
                .with(httpBasic("counselor-371623", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2));
    // Readers see the gallery without the upload form; editors see both.
    mvc.perform(
            as("counselor-371623", get("/outreach-events/" + event + "/photos"))
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(pngId + "/thumbnail")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("photo-upload"))));
    mvc.perform(as("admin-371623", get("/outreach-events/" + event + "/photos")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("photo-upload")));
  }

  @Test
  void theStoredPhotoNoLongerCarriesTheExifOfTheCamera() throws Exception {
    String event = newEvent("admin-371623", "371623", "照片测试：去除EXIF");
    String marker = "GPS-LAT-37.7-LON-118.0";
    String body =
        apiUpload("admin-371623", event, file("c.jpg", "image/jpeg", jpegWithExif(marker)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    byte[] stored =
        jdbc.sql("select original from outreach.event_photo where id = :id::uuid")
            .param("id", (String) JsonPath.read(body, "$.id"))
            .query(byte[].class)
            .single();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(marker);
    assertThat(new String(jpegWithExif(marker), StandardCharsets.ISO_8859_1)).contains(marker);
  }

  @Test
  void outsideTheScopeAPhotoIsNotFoundARegistrarIsForbiddenACounselorMayNotUpload()
      throws Exception {
    String elsewhere = newEvent("admin", "371681", "照片测试：邹平的活动");
    String body =
        apiUpload("admin", elsewhere, file("d.jpg", "image/jpeg", jpeg(100, 100)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String photo = JsonPath.read(body, "$.id");
    String path = "/outreach-events/" + elsewhere + "/photos/" + photo;
    mvc.perform(as("admin-371623", get(path))).andExpect(status().isNotFound());
    mvc.perform(as("admin-371623", get(path + "/thumbnail"))).andExpect(status().isNotFound());
    mvc.perform(as("counselor-371623", get(path + "/thumbnail"))).andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/outreach-events/" + elsewhere + "/photos")
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(as("admin-371681", get(path + "/thumbnail"))).andExpect(status().isOk());
    mvc.perform(as("registrar-371602", get(path))).andExpect(status().isForbidden());

    apiUpload("counselor-371681", elsewhere, file("e.jpg", "image/jpeg", jpeg(50, 50)))
        .andExpect(status().isForbidden());
    mvc.perform(as("counselor-371681", post(path + "/delete")).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(photosOf(elsewhere)).isEqualTo(1);

    // The editor removes it, after a page that asks.
    mvc.perform(as("admin-371681", get(path + "/delete")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("photo-remove-confirm")));
    mvc.perform(as("admin-371681", post(path + "/delete")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(photosOf(elsewhere)).isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where action in"
                        + " ('outreach.photo.add', 'outreach.photo.remove') and entity_id = :id")
                .param("id", photo)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void twoUploadsAtOnceNeverPassTheLimitOfPhotosPerEvent() throws Exception {
    String event = newEvent("admin-371623", "371623", "照片测试：数量上限");
    byte[] small = jpeg(40, 30);
    var request = multipart("/outreach-events/" + event + "/photos");
    for (int i = 0; i < 19; i++) {
      request.file(file("p" + i + ".jpg", "image/jpeg", small));
    }
    mvc.perform(as("admin-371623", request).with(csrf())).andExpect(status().is3xxRedirection());
    assertThat(photosOf(event)).isEqualTo(19);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Callable<Integer> upload =
            () ->
                apiUpload("admin-371623", event, file("q.jpg", "image/jpeg", small))
                    .andReturn()
                    .getResponse()
                    .getStatus();
        answers.add(pool.submit(upload));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 422);
    } finally {
      pool.shutdown();
    }
    assertThat(photosOf(event)).isEqualTo(20);
    apiUpload("admin-371623", event, file("r.jpg", "image/jpeg", small))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("最多 20 张")));
  }
}
