package org.outputintake.mail;

import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptorBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;

/**
 * MIME4J's descriptor builder, taught the RFC 2231 form of the boundary ({@code boundary*=''b1} or
 * continued). MIME4J looks only for {@code boundary=}, so without this a readable multipart would
 * have no parts at all.
 */
final class BoundaryAwareDescriptors implements BodyDescriptorBuilder {
  private final BodyDescriptorBuilder delegate;

  BoundaryAwareDescriptors() {
    this(
        new DefaultBodyDescriptorBuilder(
            null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
  }

  private BoundaryAwareDescriptors(BodyDescriptorBuilder delegate) {
    this.delegate = delegate;
  }

  @Override
  public void reset() {
    delegate.reset();
  }

  @Override
  public Field addField(RawField field) throws MimeException {
    return delegate.addField(withPlainBoundary(field));
  }

  @Override
  public BodyDescriptor build() {
    return delegate.build();
  }

  @Override
  public BodyDescriptorBuilder newChild() {
    return new BoundaryAwareDescriptors(delegate.newChild());
  }

  /**
   * The field itself, or a copy with a plain {@code boundary=} when only the RFC 2231 form is
   * given.
   */
  static RawField withPlainBoundary(RawField field) {
    if (!"content-type".equalsIgnoreCase(field.getName()) || field.getBody() == null) return field;
    String body = field.getBody();
    if (!body.toLowerCase(Locale.ROOT).contains("boundary*")) return field;
    var params = Rfc2231.params(body);
    if (params.containsKey("boundary")) return field;
    String boundary = Rfc2231.value(params, "boundary");
    if (boundary == null || boundary.isEmpty() || boundary.contains("\"")) return field;
    return new RawField(field.getName(), body + "; boundary=\"" + boundary + "\"");
  }
}
