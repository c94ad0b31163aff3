package org.outputintake.form;

import java.util.ArrayList;
import java.util.List;

/**
 * An attached file's display name split into the archives that contain it: {@code
 * a.zip!/dir/b.zip!/x.csv} is the entry {@code x.csv} inside {@code b.zip} inside {@code a.zip}.
 * Names are lower-case base names (folder parts dropped) because researchers list files by name,
 * not by path.
 */
record AttachedName(List<String> chain) {
  AttachedName {
    chain = List.copyOf(chain);
  }

  static AttachedName of(String displayName) {
    List<String> parts = new ArrayList<>();
    for (String part : displayName.split("!/")) {
      String base = FileEntry.baseName(part);
      if (!base.isEmpty()) parts.add(base);
    }
    return new AttachedName(parts);
  }

  /** The entry itself first, then each archive outward. */
  List<String> namesMostSpecificFirst() {
    List<String> reversed = new ArrayList<>(chain);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  boolean isArchiveEntry() {
    return chain.size() > 1;
  }

  String outermost() {
    return chain.isEmpty() ? "" : chain.get(0);
  }
}
