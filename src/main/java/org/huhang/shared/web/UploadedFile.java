package org.huhang.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded file's bytes and name; a missing file is empty, which the import refuses. */
public record UploadedFile(byte[] content, String name) {

  public static UploadedFile of(MultipartFile file) {
    if (file == null) {
      return new UploadedFile(new byte[0], null);
    }
    try {
      return new UploadedFile(file.getBytes(), file.getOriginalFilename());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
