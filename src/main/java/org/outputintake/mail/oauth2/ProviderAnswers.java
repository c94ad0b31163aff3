package org.outputintake.mail.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.outputintake.text.OutsideText;

/**
 * A provider's error answer made fit for a log line: its own code and description (such as {@code
 * AADSTS7000215: Invalid client secret provided}), on one line, shortened, and never anything else
 * from the answer.
 */
final class ProviderAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX = 300;

  private ProviderAnswers() {}

  /** {@code error: error_description} from an OAuth2 error body, else the HTTP status alone. */
  static String error(int status, String body) {
    try {
      JsonNode n = JSON.readTree(body == null ? "" : body);
      if (n != null && n.hasNonNull("error")) {
        String code = n.get("error").asText();
        String description =
            n.hasNonNull("error_description") ? n.get("error_description").asText() : "";
        return shown(description.isBlank() ? code : code + ": " + description);
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not JSON: the status says enough
    }
    return "HTTP " + status;
  }

  /** One line, visible characters, at most a few hundred of them. */
  static String shown(String text) {
    String one = OutsideText.line(text == null ? "" : text.strip());
    return one.length() > MAX ? one.substring(0, MAX) + "..." : one;
  }
}
