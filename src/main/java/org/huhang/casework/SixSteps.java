package org.huhang.casework;

/**
 * One party's part of the session notes along the method's chain (SPEC §1 "Method"): 信念系统 belief
 * system → 思维角度 thinking angle → 情绪感受 emotional feelings → 行为方式 behaviour → 产生结果 result → 解释结论
 * explanation/conclusion. Each step its own field; any may be empty.
 */
public record SixSteps(
    String beliefSystem,
    String thinkingAngle,
    String emotionalFeelings,
    String behaviour,
    String result,
    String conclusion) {

  public static final java.util.List<String> STEPS =
      java.util.List.of(
          "beliefSystem",
          "thinkingAngle",
          "emotionalFeelings",
          "behaviour",
          "result",
          "conclusion");

  public boolean isEmpty() {
    return java.util.stream.Stream.of(
            beliefSystem, thinkingAngle, emotionalFeelings, behaviour, result, conclusion)
        .allMatch(s -> s == null || s.isBlank());
  }

  @Override
  public String toString() {
    return "SixSteps[***]";
  }
}
