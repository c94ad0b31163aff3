package org.outputintake.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayNamesTest {
  @TempDir Path dir;

  @Test
  void aPersonsNameIsKeptAsWrittenInAnyScript() {
    assertEquals(Optional.of("Ada Lovelace"), DisplayNames.greeting("Ada Lovelace"));
    assertEquals(
        Optional.of("Siân O'Brien-Ní Bhriain"), DisplayNames.greeting("Siân O'Brien-Ní Bhriain"));
    assertEquals(Optional.of("J. R. Smith"), DisplayNames.greeting("  J.  R.\tSmith "));
    assertEquals(Optional.of("Zoë Ørsted"), DisplayNames.greeting("Zoe\u0308 Ørsted"), "NFC");
  }

  @Test
  void whatMailSystemsWrapAroundANameIsTakenOff() {
    assertEquals(Optional.of("Ada Lovelace"), DisplayNames.greeting("Lovelace, Ada"));
    assertEquals(Optional.of("Ada Lovelace"), DisplayNames.greeting("\"Ada Lovelace\""));
    assertEquals(Optional.of("Ada Lovelace"), DisplayNames.greeting("Lovelace, Ada (ONS)"));
    assertEquals(Optional.of("Ada Lovelace"), DisplayNames.greeting("[EXTERNAL] Ada Lovelace"));
    assertEquals(
        Optional.of("Ada Lovelace"), DisplayNames.greeting("'Ada Lovelace' via SRS users"));
  }

  @Test
  void controlAndInvisibleCharactersNeverReachTheGreeting() {
    assertEquals(Optional.of("Ada Lovelace"), DisplayNames.greeting("Ada\r\n Lovelace"));
    assertEquals(
        Optional.of("Ada Lovelace"), DisplayNames.greeting("Ada\u0007 Love\u202Elace\u200B"));
    assertEquals(Optional.empty(), DisplayNames.greeting("Ada\r\nBcc: eve@evil.example"));
  }

  @Test
  void anAddressALoginOrAnythingElseThatIsNoNameGivesNoName() {
    assertEquals(Optional.empty(), DisplayNames.greeting(null));
    assertEquals(Optional.empty(), DisplayNames.greeting("   "));
    assertEquals(Optional.empty(), DisplayNames.greeting("ada.lovelace@uni.example.ac.uk"));
    assertEquals(Optional.empty(), DisplayNames.greeting("ada.lovelace"));
    assertEquals(Optional.empty(), DisplayNames.greeting("Room 101"));
    assertEquals(Optional.empty(), DisplayNames.greeting("Click https://evil.example now"));
    assertEquals(Optional.empty(), DisplayNames.greeting("Lovelace, Ada, Dr, PhD"));
    assertEquals(Optional.empty(), DisplayNames.greeting("A".repeat(61)));
  }

  @Test
  void theNameIsReadBackFromAStoredEmailsHeaderEncodedWordsIncluded() throws Exception {
    Path eml = dir.resolve("in.eml");
    Files.write(
        eml,
        ("Received: from x\r\nFrom: =?UTF-8?Q?Lovelace=2C_Ad=C3=A1?=\r\n <ada@uni.example.ac.uk>\r\n"
                + "Subject: hi\r\n\r\nFrom: Someone Else <s@e.example>\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    assertEquals(Optional.of("Adá Lovelace"), DisplayNames.ofStoredMessage(eml));
    Files.writeString(eml, "From: ada@uni.example.ac.uk\r\n\r\nbody");
    assertEquals(Optional.empty(), DisplayNames.ofStoredMessage(eml));
    assertEquals(Optional.empty(), DisplayNames.ofStoredMessage(dir.resolve("missing.eml")));
  }
}
