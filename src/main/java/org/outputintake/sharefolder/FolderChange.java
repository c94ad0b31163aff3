package org.outputintake.sharefolder;

import java.util.Objects;

/** A difference between the submitted snapshot and the folder as it is now, for officers. */
public record FolderChange(String relativePath, Kind kind) {
  public enum Kind {
    ADDED,
    REMOVED,
    MODIFIED
  }

  public FolderChange {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(kind, "kind");
  }
}
