package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.notBlank;
import static org.outputintake.config.ConfigChecks.require;

public record Folders(String inbox, String processed, String quarantine) {
  public Folders {
    require(
        notBlank(inbox) && notBlank(processed) && notBlank(quarantine),
        "mailbox.folders needs inbox, processed and quarantine folder names");
    require(
        !inbox.equals(processed) && !inbox.equals(quarantine),
        "mailbox.folders.processed and .quarantine must differ from the inbox, or messages would be fetched again");
  }
}
