package org.outputintake.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.outputintake.mail.InboundMessage;
import org.outputintake.sharefolder.FolderSnapshot;
import org.outputintake.store.RawStore;
import org.outputintake.store.TempFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviews a message that looks like a new request before its turn, so that the slow part of intake
 * (reading the form, scanning the files) runs for several messages at once while decisions stay in
 * arrival order. The guess is the turn's own decision ({@link Router#decide}) taken early, so it
 * can only be stale (an earlier message of the batch changed what the turn will see). The turn asks
 * for the review of its own input, and the early result is used only when that input is exactly the
 * one reviewed; otherwise the review simply runs again, so a wrong guess costs time, never a
 * different outcome.
 */
final class ReviewAhead {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewAhead.class);
  private final IntakeContext ctx;
  private final Router router;
  private final NewRequestHandler files;

  ReviewAhead(IntakeContext ctx, Router router, NewRequestHandler files) {
    this.ctx = ctx;
    this.router = router;
    this.files = files;
  }

  /** The review to hand to the message's turn: the shared one, or one holding an early result. */
  RequestReview prepare(InboundMessage m, RawStore.Stored raw, Path work) {
    Optional<RequestReview.Input> input;
    try {
      input = newRequestInput(m, raw, work);
    } catch (IOException | RuntimeException e) {
      // a database or parsing problem: the turn meets it again and deals with it there
      return ctx.review();
    }
    if (input.isEmpty()) return ctx.review();
    try {
      RequestReview.Result result = ctx.review().review(input.get());
      return new Early(
          ctx.review(),
          input.get(),
          new NewRequestHandler.Reviewed(result, files.storeFiles(result)));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      LOG.debug("early review failed ({}); the message's turn reviews it again", e.toString());
      return ctx.review();
    }
  }

  /**
   * The input the new-request handler will build, when the message's turn would route it there now.
   * The router decides; a message already handled is no request.
   */
  private Optional<RequestReview.Input> newRequestInput(
      InboundMessage m, RawStore.Stored raw, Path work) throws IOException {
    if (m.messageId() != null
        && ctx.db()
            .read(c -> MessageKeys.decide(c, m.messageId(), m.contentSha256()))
            .duplicate()) {
      return Optional.empty();
    }
    if (!(router.decide(m, raw) instanceof Route.NewRequest request)) return Optional.empty();
    return Optional.of(NewRequestHandler.input(ctx, request.project(), request.subject(), m, work));
  }

  /** The early review and stored files for exactly this input, once; empty when there are none. */
  static Optional<NewRequestHandler.Reviewed> take(
      RequestReview reviewer, RequestReview.Input input) {
    if (reviewer instanceof Early early && early.claim(input)) return Optional.of(early.reviewed);
    return Optional.empty();
  }

  /**
   * Deletes the folder snapshot of an early review nobody used (the message turned out to be a
   * duplicate, say): the snapshot is a copy of confidential files that no ticket refers to.
   */
  static void discardUnused(RequestReview review) {
    if (!(review instanceof Early early)
        || early.used
        || early.reviewed.result().folderSnapshot() == null) return;
    try {
      TempFiles.deleteTree(
          FolderSnapshot.fromJson(early.reviewed.result().folderSnapshot()).storeDir());
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not delete an unused folder snapshot: {}", e.getMessage());
    }
  }

  /**
   * A review whose result for one input is already known, with that input's files already stored.
   */
  private static final class Early implements RequestReview {
    private final RequestReview delegate;
    private final Input input;
    private final NewRequestHandler.Reviewed reviewed;
    private volatile boolean used;

    Early(RequestReview delegate, Input input, NewRequestHandler.Reviewed reviewed) {
      this.delegate = delegate;
      this.input = input;
      this.reviewed = reviewed;
    }

    synchronized boolean claim(Input in) {
      if (used || !in.equals(input)) return false;
      used = true;
      return true;
    }

    @Override
    public Result review(Input in) throws IOException {
      return claim(in) ? reviewed.result() : delegate.review(in);
    }
  }
}
