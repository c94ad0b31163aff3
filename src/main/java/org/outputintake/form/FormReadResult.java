package org.outputintake.form;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link FormReader} made of a file.
 *
 * @param status FORM when the file is an output request form (possibly blank or incomplete),
 *     NOT_A_FORM when it is some other document, UNREADABLE when it could not be read (corrupt,
 *     encrypted, too large)
 * @param form the parsed form; present only for FORM
 * @param reason why a file is not a form or could not be read, in plain words; empty for FORM
 */
public record FormReadResult(Status status, Optional<RequestForm> form, String reason) {
  public enum Status {
    FORM,
    NOT_A_FORM,
    UNREADABLE
  }

  public FormReadResult {
    Objects.requireNonNull(status, "status");
    form = form == null ? Optional.empty() : form;
    reason = reason == null ? "" : reason;
    if ((status == Status.FORM) != form.isPresent()) {
      throw new IllegalArgumentException("a form is present exactly when the status is FORM");
    }
  }

  public static FormReadResult form(RequestForm form) {
    return new FormReadResult(Status.FORM, Optional.of(form), "");
  }

  public static FormReadResult notAForm(String reason) {
    return new FormReadResult(Status.NOT_A_FORM, Optional.empty(), reason);
  }

  public static FormReadResult unreadable(String reason) {
    return new FormReadResult(Status.UNREADABLE, Optional.empty(), reason);
  }

  public boolean isForm() {
    return status == Status.FORM;
  }
}
