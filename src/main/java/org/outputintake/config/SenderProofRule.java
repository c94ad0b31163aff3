package org.outputintake.config;

/** Whether mail must prove its sender before the bot acts on it. */
public enum SenderProofRule {
  /** Acted on only with a pass in the Authentication-Results header of our own server. */
  REQUIRED,
  /** Acted on from the From address alone: written explicitly by an operator, never a default. */
  NOT_REQUIRED;

  static SenderProofRule of(boolean required) {
    return required ? REQUIRED : NOT_REQUIRED;
  }
}
