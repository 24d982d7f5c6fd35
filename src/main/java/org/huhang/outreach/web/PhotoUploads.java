package org.huhang.outreach.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.huhang.outreach.internal.EventPhotos;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** What the page and the API share about photos: reading the upload, serving a picture. */
final class PhotoUploads {

  private PhotoUploads() {}

  /** The uploaded files' bytes; the browser's declared type is ignored, the content decides. */
  static List<EventPhotos.Upload> of(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream()
        .filter(f -> f != null)
        .map(
            f -> {
              try {
                return new EventPhotos.Upload(f.getBytes(), f.getOriginalFilename());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  /**
   * A picture with the type found in its content, shown in the page rather than downloaded, never
   * sniffed into anything else, and cached only by the browser of the person allowed to see it.
   */
  static ResponseEntity<byte[]> served(EventPhotos.Picture picture, UUID id) {
    String extension = picture.contentType().equals("image/png") ? ".png" : ".jpg";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(picture.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("photo-" + id + extension).build().toString())
        .body(picture.bytes());
  }
}
