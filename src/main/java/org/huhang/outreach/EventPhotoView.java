package org.huhang.outreach;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo of an outreach event as the gallery and the API list it: what it is, not its bytes. The
 * picture itself is served at {@code /outreach-events/{event}/photos/{id}} and its thumbnail at
 * {@code …/thumbnail}.
 */
public record EventPhotoView(
    UUID id,
    OutreachEventId eventId,
    String contentType,
    int width,
    int height,
    int sizeBytes,
    String caption,
    String uploadedBy,
    Instant uploadedAt) {}
