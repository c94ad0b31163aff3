package org.outputintake.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * XML parts of researchers' files parsed with the JDK's DOM parser, hardened: no DTDs, so no
 * external entities and no entity expansion bombs.
 */
final class SafeXml {
  private static final DocumentBuilderFactory FACTORY = factory();

  private SafeXml() {}

  static Document parse(ZipFile zip, ZipEntry part) throws IOException {
    try (InputStream in = zip.getInputStream(part)) {
      return builder().parse(in);
    } catch (SAXException e) {
      throw new IOException("part " + part.getName() + " is not well-formed XML", e);
    }
  }

  /**
   * The factory is shared; making a builder from it is not documented as thread-safe, so that step
   * is locked.
   */
  private static DocumentBuilder builder() throws IOException {
    synchronized (FACTORY) {
      try {
        DocumentBuilder b = FACTORY.newDocumentBuilder();
        b.setErrorHandler(
            new org.xml.sax.helpers.DefaultHandler()); // silent: a bad part becomes an IOException
        return b;
      } catch (ParserConfigurationException e) {
        throw new IOException("the XML parser cannot be configured safely", e);
      }
    }
  }

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser must support disabling DTDs", e);
    }
    return f;
  }
}
