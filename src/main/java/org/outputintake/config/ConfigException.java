package org.outputintake.config;

/** A configuration problem, worded so an operator knows which key to change and how. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Why a path failed, in words: the exception's own message is usually only the path again. */
  public static String reason(java.io.IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.FileAlreadyExistsException)
      return "a file of that name is in the way";
    if (e instanceof java.nio.file.NoSuchFileException) return "there is no such file";
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null)
      return f.getReason();
    return e.getMessage() == null ? "an input/output error" : e.getMessage();
  }
}
