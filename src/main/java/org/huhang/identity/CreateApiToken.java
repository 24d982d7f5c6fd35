package org.huhang.identity;

import java.time.LocalDate;

/**
 * A new personal API token: a name the user recognises it by (at most 50 characters) and its last
 * valid day (from tomorrow up to one year from today, dates of Asia/Shanghai).
 */
public record CreateApiToken(String name, LocalDate expiresOn) {}
