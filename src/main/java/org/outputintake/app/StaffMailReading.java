package org.outputintake.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.outputintake.config.IntakeConfig;
import org.outputintake.workflow.WorkflowContext;

/** How staff mail is read: its new text, and whether its sender is proven. */
final class StaffMailReading {
  private static final Pattern ATTRIBUTION = Pattern.compile(
      "(?i)^\\s*(on .{1,200} wrote:|ar .{1,200} ysgrifennodd .{0,100}:|-----\\s*original message\\s*-----|"
          + "from:\\s.+|oddi wrth:\\s.+|_{10,})\\s*$");

  private StaffMailReading() {}

  static WorkflowContext.NewText newText() {
    return m -> {
      List<String> out = new ArrayList<>();
      for (String line : m.bodyText().replace("\r\n", "\n").split("\n", -1)) {
        if (line.equals("-- ") || line.equals("--") || ATTRIBUTION.matcher(line).matches()) break;
        if (line.startsWith(">")) continue;
        out.add(line);
      }
      return String.join("\n", out).strip();
    };
  }

  static WorkflowContext.SenderCheck senderCheck(IntakeConfig.Security security) {
    if (!security.requireAuthenticatedSender()) return m -> Optional.empty();
    return m -> Optional.of("no sender authentication is available in this build");
  }
}
