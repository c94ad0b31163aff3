package org.outputintake.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {
  @Test
  void anHtmlOnlyBodyIsReadWithEveryEntityDecodedAndNoScriptOrStyle() {
    String text =
        HeaderValues.htmlToText(
            "<html><head><style>p{color:red}</style><script>var x='secret';</script></head>"
                + "<body><p>Costs &pound;10 &amp; it&#39;s <b>fine</b></p><!-- hidden --><div>Next"
                + "&nbsp;line</div></body></html>");
    assertEquals("Costs £10 & it's fine\nNext line", text);
    assertFalse(text.contains("secret"));
    assertFalse(text.contains("hidden"));
  }

  @Test
  void messageIdsAreTakenFromFoldedAndCommentedHeaders() {
    assertEquals("<a@b>", HeaderValues.firstId(" (comment) <a@b>"));
    assertEquals(List.of("<a@b>", "<c@d>"), HeaderValues.allIds("<a@b>\r\n <c@d>"));
    assertEquals("part1@x", HeaderValues.cid("<Part1%40x>"));
  }
}
