package org.outputintake.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The outbox's JSON columns (attachments, inline images), written and read back. */
final class OutboxColumns {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OutboxColumns() {}

  static String attachmentsJson(List<OutgoingMail.FileRef> refs) {
    try {
      return JSON.writeValueAsString(
          refs.stream()
              .map(
                  r -> {
                    Map<String, String> m = new java.util.LinkedHashMap<>();
                    m.put("name", r.name());
                    m.put("path", r.path().toString());
                    m.put("type", r.contentType());
                    // the hash the file was checked under, verified again when the mail is sent
                    if (r.sha256() != null) m.put("sha256", r.sha256());
                    return m;
                  })
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String inlineJson(List<OutgoingMail.InlineImage> images) {
    try {
      return JSON.writeValueAsString(
          images.stream()
              .map(
                  i ->
                      Map.of(
                          "cid",
                          i.cid(),
                          "name",
                          i.name(),
                          "path",
                          i.path().toString(),
                          "type",
                          i.contentType()))
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<OutgoingMail.InlineImage> inline(String json) {
    if (json == null || json.isBlank()) return List.of();
    try {
      List<Map<String, String>> list = JSON.readValue(json, new TypeReference<>() {});
      return list.stream()
          .map(
              m ->
                  new OutgoingMail.InlineImage(
                      m.get("cid"), m.get("name"), Path.of(m.get("path")), m.get("type")))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox inline_images column is not valid JSON", e);
    }
  }

  static List<OutgoingMail.FileRef> attachments(String json) {
    if (json == null || json.isBlank()) return List.of();
    try {
      List<Map<String, String>> list = JSON.readValue(json, new TypeReference<>() {});
      return list.stream()
          .map(
              m ->
                  new OutgoingMail.FileRef(
                      m.get("name"), Path.of(m.get("path")), m.get("type"), m.get("sha256")))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox attachments column is not valid JSON", e);
    }
  }
}
