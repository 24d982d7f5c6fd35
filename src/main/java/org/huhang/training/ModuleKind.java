package org.huhang.training;

/** The three kinds of module of a course. */
public enum ModuleKind {
  /** 实地观摩学习: a visit to a host center, which may be outside the city. */
  FIELD_VISIT,
  /** 专家专业培训: a trainer on a topic. */
  EXPERT_LECTURE,
  /** 学员经验交流: participants in discussion groups, e.g. by county. */
  EXPERIENCE_EXCHANGE
}
