package org.outputintake.scan.hidden;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams an XML part through a handler with POI's hardened parser (no DTDs, no external entities).
 */
final class Xml {
  private Xml() {}

  static void parse(InputStream in, DefaultHandler handler) throws IOException {
    try {
      XMLReader reader = XMLHelper.newXMLReader();
      reader.setContentHandler(handler);
      reader.parse(new InputSource(in));
    } catch (SAXException | ParserConfigurationException e) {
      throw new IOException("malformed XML: " + e.getMessage(), e);
    }
  }

  /**
   * Office booleans: absent means true for toggles like {@code <w:vanish/>}; "0", "false", "off"
   * mean false.
   */
  static boolean on(String value) {
    return value == null
        || !(value.equals("0") || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off"));
  }
}
