package org.outputintake.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.form.FileEntry;
import org.outputintake.form.FormReadResult;
import org.outputintake.form.FormReader;
import org.outputintake.form.RequestForm;
import org.outputintake.inspection.SafeFileName;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.TicketFiles;

/**
 * The latest submission as the checkers receive it by email: every file (the form, the outputs, the
 * supporting material) attached with the SHA-256 it was stored under, so an email-only desk can
 * check without server access, and the form's file table summarised as the form reader extracts it.
 * The outbox hashes each file again when it builds the mail and sends nothing that changed.
 */
public final class FilesForCheckers {
  /** Whether the files ride on the mail, or are too large for it. */
  public enum Attach {
    /** Whatever their size (a {@code #take} confirmation: the checker asked for them). */
    ALWAYS,
    /** Up to {@code staff.attach-limit} in all (the notification to the whole list). */
    UP_TO_LIMIT
  }

  /**
   * @param attachments the files to attach, each with its recorded SHA-256 (empty when too large)
   * @param totalBytes the size of the whole submission
   * @param formRows what the form says of each file, for the templates
   */
  public record Prepared(
      List<OutgoingMail.FileRef> attachments, long totalBytes, List<Map<String, Object>> formRows) {
    public Prepared {
      attachments = List.copyOf(attachments);
      formRows = List.copyOf(formRows);
    }

    /** The facts the templates show: {@code filesAttached}, {@code filesTooLarge}, the form. */
    public Map<String, Object> facts(long limit) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("filesAttached", !attachments.isEmpty());
      v.put("filesTooLarge", attachments.isEmpty() && totalBytes > 0);
      v.put("filesTotal", ReplyComposer.humanSize(totalBytes));
      v.put("attachLimit", ReplyComposer.humanSize(limit));
      v.put("formRows", formRows);
      v.put("hasFormRows", !formRows.isEmpty());
      return v;
    }
  }

  private FilesForCheckers() {}

  public static Prepared of(
      RawStore store, List<TicketFiles.StoredAttachment> files, Attach how, long limit) {
    long total = files.stream().mapToLong(TicketFiles.StoredAttachment::size).sum();
    List<OutgoingMail.FileRef> refs = new ArrayList<>();
    if (how == Attach.ALWAYS || total <= limit) {
      for (TicketFiles.StoredAttachment a : files) {
        refs.add(
            new OutgoingMail.FileRef(
                SafeFileName.of(a.originalName()).display(),
                store.located(a.sha256(), "", a.storedPath()),
                a.mediaType() == null ? "application/octet-stream" : a.mediaType(),
                a.sha256()));
      }
    }
    return new Prepared(refs, total, formRows(store, files));
  }

  /**
   * The form's file table, read again from the stored form: what each file shows, the controls
   * declared, Output or Supporting. Empty when there is no readable form (the findings say why).
   */
  private static List<Map<String, Object>> formRows(
      RawStore store, List<TicketFiles.StoredAttachment> files) {
    Optional<TicketFiles.StoredAttachment> stored =
        files.stream().filter(a -> "form".equals(a.role())).findFirst();
    if (stored.isEmpty()) return List.of();
    FormReadResult read =
        new FormReader()
            .read(
                store.located(stored.get().sha256(), "", stored.get().storedPath()),
                stored.get().mediaType());
    if (read.form().isEmpty()) return List.of();
    RequestForm form = read.form().get();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FileEntry e : form.files()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", e.fileName());
      row.put("use", e.use().formText().isEmpty() ? "use not given" : e.use().formText());
      row.put("shows", e.description().isEmpty() ? "(not described)" : e.description());
      row.put("controls", e.controls().isEmpty() ? "(none declared)" : e.controls());
      row.put(
          "counts",
          e.countsIncluded().formText().isEmpty() ? "not answered" : e.countsIncluded().formText());
      rows.add(row);
    }
    return rows;
  }
}
