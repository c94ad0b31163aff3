package org.outputintake.workflow;

import java.util.Objects;

/**
 * What the bot knows of who really sent a staff command: decided from our own server's
 * Authentication-Results before any text is read, and recorded with every command applied, so a
 * release can refuse decisions that were never proven.
 */
public sealed interface SenderProof {
  /** Stored with each applied command: {@code authenticated} or {@code not-checked}. */
  String code();

  /** For {@code tickets show} and the archive. */
  String describe();

  /** Our own server vouches for the From address. */
  record Authenticated(String how) implements SenderProof {
    public Authenticated {
      Objects.requireNonNull(how, "how");
    }

    @Override
    public String code() {
      return "authenticated";
    }

    @Override
    public String describe() {
      return "sender authenticated (" + how + ")";
    }
  }

  /** The operator turned the check off explicitly: the From address was believed as written. */
  record NotChecked() implements SenderProof {
    @Override
    public String code() {
      return "not-checked";
    }

    @Override
    public String describe() {
      return "sender NOT authenticated (security.require-authenticated-sender: false)";
    }
  }

  /** Proof was required and the message does not carry it: nothing it asks for is done. */
  record Unproven(String why) implements SenderProof {
    public Unproven {
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String code() {
      return "unproven";
    }

    @Override
    public String describe() {
      return "sender not authenticated (" + why + ")";
    }
  }
}
