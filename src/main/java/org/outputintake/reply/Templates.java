package org.outputintake.reply;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.outputintake.text.OutsideText;
import org.outputintake.text.TextBlock;

/**
 * Mustache templates for every email the bot sends. A desk edits the files in its templates
 * directory; any template missing there falls back to the one bundled in the jar, so an upgrade
 * never leaves a reply without words. Emails are plain text, so nothing is HTML-escaped.
 *
 * <p>Every fact filled into a template is outside text until shown otherwise, so the filling itself
 * neutralises it ({@link OutsideText}): a fact is one line, its control and format characters made
 * visible, unless it is a {@link TextBlock}, which keeps its line breaks. A desk's own template
 * cannot forget this, and neither can a new fact.
 */
public final class Templates {
  private final Path dir;
  private final Mustache.Compiler compiler;
  private final Map<String, Template> cache = new ConcurrentHashMap<>();
  private final Map<String, Template> htmlCache = new ConcurrentHashMap<>();

  public Templates(Path dir) {
    this.dir = dir;
    this.compiler =
        Mustache.compiler()
            .escapeHTML(false)
            .defaultValue("")
            .withFormatter(Templates::shown)
            .withLoader(this::reader);
  }

  public String render(String name, Object context) {
    return cache.computeIfAbsent(name, n -> compiler.compile(source(n))).execute(context);
  }

  /** An HTML template (the digests): every fact is HTML-escaped. */
  public String renderHtml(String name, Object context) {
    return htmlCache
        .computeIfAbsent(name, n -> compiler.escapeHTML(true).compile(source(n)))
        .execute(context);
  }

  /** Renders an inline template such as the configured subject format. */
  public String renderInline(String template, Object context) {
    return compiler.compile(template).execute(context);
  }

  /** How a fact reads in a mail: see the class comment. */
  static String shown(Object value) {
    return value instanceof TextBlock block
        ? OutsideText.block(block.text())
        : OutsideText.line(String.valueOf(value));
  }

  /**
   * A file shipped beside the templates (the blank request forms), from the directory or the jar.
   */
  public Path file(String relative, Path extractDir) {
    Path local = dir == null ? null : dir.resolve(relative);
    if (local != null && Files.isRegularFile(local)) return local;
    try (InputStream in = Templates.class.getResourceAsStream("/templates/" + relative)) {
      if (in == null)
        throw new IllegalStateException("template file " + relative + " is missing from the jar");
      Path out = extractDir.resolve(relative);
      if (!Files.exists(out)) {
        Files.createDirectories(out.getParent());
        Files.copy(in, out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Reader reader(String name) {
    return new StringReader(source(name));
  }

  private String source(String name) {
    String file = name.endsWith(".mustache") ? name : name + ".mustache";
    try {
      if (dir != null && Files.isRegularFile(dir.resolve(file))) {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
      }
      try (InputStream in = Templates.class.getResourceAsStream("/templates/" + file)) {
        if (in == null)
          throw new IllegalStateException(
              "no template '" + file + "' in " + dir + " or in the jar");
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + file, e);
    }
  }
}
