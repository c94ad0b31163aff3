package org.outputintake.sharefolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

class FolderSnapshotsTest {
  private static final String FOLDER = "2024_01_16_EnergyUseModel_v1";
  private static final Instant NOW = Instant.parse("2024-01-16T10:15:30Z");
  @TempDir Path share;
  @TempDir Path store;
  private Path folder;
  private FolderSnapshots snapshots;

  @BeforeEach
  void setUp() throws IOException {
    folder =
        Files.createDirectories(
            share.resolve("1234567").resolve("Ready for Checking").resolve(FOLDER));
    Files.writeString(folder.resolve("table1.csv"), "region,n\nNorth,120\n");
    Files.createDirectories(folder.resolve("code"));
    Files.writeString(folder.resolve("code").resolve("model.R"), "# fit the model\n");
    snapshots =
        new FolderSnapshots(
            share, store, Clock.fixed(NOW, ZoneOffset.UTC), FolderSnapshots.Limits.DEFAULT);
  }

  private FolderSnapshot take(String folderName) throws IOException {
    SnapshotResult result = snapshots.snapshot("1234567", folderName);
    assertEquals(List.of(), result.findings());
    return result.snapshot().orElseThrow();
  }

  @Test
  void existingFolderIsCopiedWithHashes() throws IOException {
    FolderSnapshot snap = take(FOLDER);
    assertEquals(NOW, snap.takenAt());
    assertEquals(List.of("code/model.R", "table1.csv"), snap.fileNames());
    SnapshotFile table = snap.files().get(1);
    assertEquals("region,n\nNorth,120\n", Files.readString(table.storedPath()));
    assertTrue(table.storedPath().startsWith(store));
    assertEquals(
        "6cdb87d281d4e8e3a63ccb2568d940ac47f0d09da8ed34d3d297fd80b99ba90a", table.sha256());
    assertEquals(19, table.size());
  }

  @Test
  void folderNameMatchesCaseInsensitivelyWhenNotExact() throws IOException {
    assertEquals(FOLDER, take("2024_01_16_energyusemodel_V1").folder());
  }

  @Test
  void readyForCheckingMatchesCaseInsensitively() throws IOException {
    Path other =
        Files.createDirectories(
            share.resolve("7654321").resolve("Ready for checking").resolve("Wages_v1"));
    Files.writeString(other.resolve("a.csv"), "x\n");
    assertTrue(snapshots.snapshot("7654321", "Wages_v1").snapshot().isPresent());
  }

  @Test
  void missingFolderIsABlockerNamingTheExpectedPath() throws IOException {
    SnapshotResult result = snapshots.snapshot("1234567", "2024_01_16_EnergyUseModel_v2");
    assertTrue(result.snapshot().isEmpty());
    Finding f = result.findings().get(0);
    assertEquals(FolderSnapshots.FOLDER_NOT_FOUND, f.code());
    assertEquals(Severity.BLOCKER, f.severity());
    assertTrue(
        f.message().contains("Ready for Checking/2024_01_16_EnergyUseModel_v2"), f.message());
  }

  @ParameterizedTest(name = "''{0}'' is refused as a folder name")
  @ValueSource(
      strings = {"..", "../1234567/Ready for Checking/" + FOLDER, "a/b", "a\\b", "/etc", "", " "})
  void traversalAndPathsAreRefused(String name) throws IOException {
    Files.writeString(share.resolve("secret.txt"), "secret");
    // each name leads to a real folder holding a file: only the guard keeps the snapshot empty
    Path ready = share.resolve("1234567").resolve("Ready for Checking");
    if (!name.isBlank() && !name.startsWith("/")) {
      Path target = Files.createDirectories(ready.resolve(name).normalize());
      Files.writeString(target.resolve("table.csv"), "region,n\nNorth,30\n");
    }
    SnapshotResult result = snapshots.snapshot("1234567", name);
    assertTrue(result.snapshot().isEmpty());
    assertEquals(FolderSnapshots.FOLDER_NOT_FOUND, result.findings().get(0).code());
  }

  @Test
  void projectNumberWithTraversalIsRefused() throws IOException {
    assertTrue(snapshots.snapshot("../1234567", FOLDER).snapshot().isEmpty());
  }

  @Test
  void symbolicLinkInTheFolderIsAWarningAndNotCopied() throws IOException {
    Path outside = Files.writeString(share.resolve("outside.txt"), "not part of the request");
    Files.createSymbolicLink(folder.resolve("link.txt"), outside);
    SnapshotResult result = snapshots.snapshot("1234567", FOLDER);
    assertEquals(
        List.of(FolderSnapshots.FOLDER_LINK),
        result.findings().stream().map(Finding::code).toList());
    assertEquals(Severity.WARNING, result.findings().get(0).severity());
    assertFalse(result.snapshot().orElseThrow().fileNames().contains("link.txt"));
  }

  @Test
  void folderThatIsALinkOutOfTheShareIsNotFound(@TempDir Path elsewhere) throws IOException {
    Files.writeString(elsewhere.resolve("data.csv"), "secret\n");
    Files.createSymbolicLink(folder.getParent().resolve("Linked_v1"), elsewhere);
    assertTrue(snapshots.snapshot("1234567", "Linked_v1").snapshot().isEmpty());
  }

  @Test
  void emptyFolderIsABlocker() throws IOException {
    Files.createDirectories(folder.getParent().resolve("Empty_Model_v1"));
    SnapshotResult result = snapshots.snapshot("1234567", "Empty_Model_v1");
    assertEquals(
        List.of(FolderSnapshots.FOLDER_EMPTY),
        result.findings().stream().map(Finding::code).toList());
  }

  @Test
  void folderOverTheLimitIsRefusedAndNothingIsKept() throws IOException {
    FolderSnapshots small =
        new FolderSnapshots(
            share, store, Clock.fixed(NOW, ZoneOffset.UTC), new FolderSnapshots.Limits(1, 1 << 20));
    SnapshotResult result = small.snapshot("1234567", FOLDER);
    assertTrue(result.snapshot().isEmpty());
    assertEquals(FolderSnapshots.FOLDER_TOO_LARGE, result.findings().get(0).code());
    try (var files = Files.walk(store)) {
      assertEquals(0, files.filter(Files::isRegularFile).count());
    }
  }

  @Test
  void twoSnapshotsAtTheSameInstantGetTheirOwnDirectories() throws IOException {
    assertFalse(take(FOLDER).storeDir().equals(take(FOLDER).storeDir()));
  }

  @Test
  void compareReportsAddedRemovedAndModifiedFiles() throws IOException {
    FolderSnapshot snap = take(FOLDER);
    assertEquals(List.of(), snapshots.compare(snap));
    Files.writeString(folder.resolve("table1.csv"), "region,n\nNorth,121\n");
    Files.delete(folder.resolve("code").resolve("model.R"));
    Files.writeString(folder.resolve("new.csv"), "x\n");
    assertEquals(
        List.of(
            new FolderChange("code/model.R", FolderChange.Kind.REMOVED),
            new FolderChange("new.csv", FolderChange.Kind.ADDED),
            new FolderChange("table1.csv", FolderChange.Kind.MODIFIED)),
        snapshots.compare(snap, folder));
  }

  @Test
  void snapshotSurvivesAJsonRoundTrip() throws IOException {
    FolderSnapshot snap = take(FOLDER);
    String json = snap.toJson();
    assertTrue(json.contains("\"takenAt\":\"2024-01-16T10:15:30Z\""), json);
    assertEquals(snap, FolderSnapshot.fromJson(json));
  }

  @Test
  void discardDeletesTheCopies() throws IOException {
    FolderSnapshot snap = take(FOLDER);
    snapshots.discard(snap);
    assertFalse(Files.exists(snap.storeDir()));
    assertTrue(Files.exists(folder.resolve("table1.csv")), "the share is never touched");
  }
}
