package org.huhang.shared.qr;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public addresses of the families' booking pages, as QR codes print them on posters and
 * receipts: {@code huhang.public-url} followed by the page's path. Shared because the modules that
 * print them (registration, outreach) may not depend on the one that serves them (selfservice).
 */
@Component
public class BookingLinks {

  private final String publicUrl;

  BookingLinks(@Value("${huhang.public-url:http://localhost:8080}") String publicUrl) {
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** A center's booking page. */
  public String center(UUID centerId) {
    return publicUrl + "/book/" + centerId;
  }

  /** The booking page of a region (a county, a city): its open centers to choose from. */
  public String area(String regionCode) {
    return publicUrl + "/book/area/" + regionCode;
  }

  /** Any page at the public address: a survey's link in a text message, an e-mail's page. */
  public String page(String path) {
    return publicUrl + (path.startsWith("/") ? path : "/" + path);
  }
}
