package org.outputintake.intake;

import java.util.List;
import java.util.Optional;
import org.outputintake.project.Project;
import org.outputintake.scan.Finding;

/**
 * Who may ask (seed 002, "Who and what projects can make a request?"): small named rules, combined
 * here in one place. The first rule that fails decides, so a sender who is not on the project
 * learns nothing about it.
 */
public final class Eligibility {
  /** One rule: a finding when it fails, empty when it passes. */
  @FunctionalInterface
  interface Rule {
    Optional<Finding> check(Project project, String sender);
  }

  static final Rule RESEARCHER_MUST_BE_NAMED =
      (p, sender) ->
          p.names(sender)
              ? Optional.empty()
              : Optional.of(
                  Finding.blocker(
                      "NOT_NAMED_RESEARCHER",
                      "sender",
                      "Only researchers named on a project can request outputs for it, and this address is not named on the "
                          + "project in your subject. Please send the request from the address registered for the project, "
                          + "or ask the project lead to add you through the Researcher Access Service."));

  static final Rule PROJECT_MUST_BE_LIVE =
      (p, sender) ->
          p.status() == Project.Status.LIVE
              ? Optional.empty()
              : Optional.of(
                  Finding.blocker(
                      "PROJECT_NOT_LIVE",
                      "project",
                      p.status() == Project.Status.CLOSED
                          ? "Project "
                              + p.number()
                              + " has closed, so outputs can no longer be requested for it."
                          : "Project "
                              + p.number()
                              + " has not started yet, so outputs cannot be requested for it until it is live."));

  static final Rule PROJECT_MUST_BE_FULL =
      (p, sender) ->
          p.type() == Project.Type.FULL
              ? Optional.empty()
              : Optional.of(
                  Finding.blocker(
                      "PROJECT_EXPLORATORY",
                      "project",
                      "Project "
                          + p.number()
                          + " is an exploratory project, and only full projects can request outputs. "
                          + "Ingests and transfers are still possible."));

  private static final List<Rule> RULES =
      List.of(RESEARCHER_MUST_BE_NAMED, PROJECT_MUST_BE_LIVE, PROJECT_MUST_BE_FULL);

  private Eligibility() {}

  /**
   * The reason this sender may not request outputs for this project number, or empty when they may.
   */
  public static Optional<Finding> refusal(
      Optional<Project> project, String projectNumber, String sender) {
    if (project.isEmpty()) {
      return Optional.of(
          Finding.blocker(
              "PROJECT_UNKNOWN",
              "project",
              "We have no project numbered "
                  + projectNumber
                  + ". Please check the project number in your subject "
                  + "against your project documents."));
    }
    for (Rule rule : RULES) {
      Optional<Finding> f = rule.check(project.get(), sender);
      if (f.isPresent()) return f;
    }
    return Optional.empty();
  }
}
