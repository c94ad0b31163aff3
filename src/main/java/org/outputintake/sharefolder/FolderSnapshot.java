package org.outputintake.sharefolder;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.outputintake.scan.ScanFile;

/**
 * The copy of a project's output folder taken when the request arrived: officers check this copy,
 * so later edits to the folder do not change what was submitted.
 *
 * @param project the project number
 * @param folder the folder's name as found on the share
 * @param takenAt when the copy was taken
 * @param storeDir the directory holding the copies (one per snapshot)
 * @param files every regular file, sorted by relative path
 */
public record FolderSnapshot(
    String project, String folder, Instant takenAt, Path storeDir, List<SnapshotFile> files) {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(
              new SimpleModule("folder-snapshot")
                  .addSerializer(Instant.class, new ToStringSerializer<>())
                  .addDeserializer(Instant.class, new InstantDeserializer())
                  .addSerializer(Path.class, new ToStringSerializer<>())
                  .addDeserializer(Path.class, new PathDeserializer()));

  public FolderSnapshot {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(storeDir, "storeDir");
    files = List.copyOf(files);
  }

  /** The copies as files to scan, named by their path in the folder. */
  public List<ScanFile> toScanFiles() {
    return files.stream()
        .map(f -> new ScanFile(f.storedPath(), f.relativePath(), null, f.size(), 0))
        .toList();
  }

  /** The display names of the files, for {@code FormExpectations}. */
  public List<String> fileNames() {
    return files.stream().map(SnapshotFile::relativePath).toList();
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a snapshot always serialises", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the JSON is not a snapshot
   */
  public static FolderSnapshot fromJson(String json) {
    try {
      return JSON.readValue(json, FolderSnapshot.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a folder snapshot: " + e.getMessage(), e);
    }
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return Instant.parse(p.getValueAsString());
    }
  }

  private static final class PathDeserializer extends JsonDeserializer<Path> {
    @Override
    public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return Path.of(p.getValueAsString());
    }
  }
}
