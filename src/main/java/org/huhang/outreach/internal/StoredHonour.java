package org.huhang.outreach.internal;

import java.time.LocalDate;
import org.huhang.outreach.HonourLevel;
import org.springframework.data.relational.core.mapping.Table;

/** An honour as a row of its project. */
@Table(schema = "outreach", name = "project_honour")
record StoredHonour(String award, HonourLevel level, LocalDate awardedOn) {}
