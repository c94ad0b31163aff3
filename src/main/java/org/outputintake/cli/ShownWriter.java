package org.outputintake.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.outputintake.text.OutsideText;

/**
 * The terminal of {@code tickets list} and {@code tickets show}: every text filled into a line
 * ({@code printf}'s arguments: subjects, names, addresses, notes) is outside text, so its control
 * and format characters are made visible ({@link OutsideText#line}) before it reaches the terminal.
 * A subject cannot then start a line of its own, nor send escape sequences to the terminal.
 */
final class ShownWriter extends PrintWriter {
  private ShownWriter(PrintWriter out) {
    super(out, true);
  }

  static PrintWriter of(PrintWriter out) {
    return out instanceof ShownWriter ? out : new ShownWriter(out);
  }

  @Override
  public PrintWriter format(String format, Object... args) {
    return super.format(format, shown(args));
  }

  @Override
  public PrintWriter format(Locale l, String format, Object... args) {
    return super.format(l, format, shown(args));
  }

  private static Object[] shown(Object[] args) {
    if (args == null) return null;
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = args[i] instanceof CharSequence s ? OutsideText.line(s.toString()) : args[i];
    }
    return out;
  }
}
