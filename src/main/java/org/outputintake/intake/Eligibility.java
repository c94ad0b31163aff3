package org.outputintake.intake;

import java.util.List;
import java.util.Optional;
import org.outputintake.project.Project;
import org.outputintake.project.ProjectRegistry;
import org.outputintake.scan.Finding;
import org.outputintake.ticket.RequestKind;

/**
 * Who may ask (seed 002, "Who and what projects can make a request?"): small named rules, combined
 * here in one place. The first rule that fails decides, so a sender who is not on the project
 * learns nothing about it. Every kind asks for a named researcher of a live project; only an output
 * needs a full project (exploratory projects may bring files in and move them between projects). A
 * transfer asks the same of both its projects.
 */
public final class Eligibility {
  /** One rule: a finding when it fails, empty when it passes. */
  @FunctionalInterface
  interface Rule {
    Optional<Finding> check(Project project, String sender, RequestKind kind);
  }

  static final Rule RESEARCHER_MUST_BE_NAMED =
      (p, sender, kind) ->
          p.names(sender)
              ? Optional.empty()
              : Optional.of(
                  Finding.blocker(
                      "NOT_NAMED_RESEARCHER",
                      "sender",
                      "Only researchers named on a project can "
                          + asking(kind)
                          + " for it, and this address is not named on the "
                          + "project in your subject. Please send the request from the address registered for the project, "
                          + "or ask the project lead to add you through the Researcher Access Service."));

  static final Rule PROJECT_MUST_BE_LIVE =
      (p, sender, kind) ->
          p.status() == Project.Status.LIVE
              ? Optional.empty()
              : Optional.of(
                  Finding.blocker(
                      "PROJECT_NOT_LIVE",
                      "project",
                      p.status() == Project.Status.CLOSED
                          ? "Project "
                              + p.number()
                              + " has closed, so you can no longer "
                              + asking(kind)
                              + " for it."
                          : "Project "
                              + p.number()
                              + " has not started yet, so you cannot "
                              + asking(kind)
                              + " for it until it is live."));

  static final Rule PROJECT_MUST_BE_FULL =
      (p, sender, kind) ->
          kind != RequestKind.OUTPUT || p.type() == Project.Type.FULL
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
   * The reason this sender may not make this request, or empty when they may: for a transfer, the
   * source project's rules first, then the destination's, each refusal naming its project.
   */
  public static Optional<Finding> refusal(
      ProjectRegistry registry, SubjectParser.Valid subject, String sender) {
    Optional<Finding> source =
        refusal(
            registry.find(subject.projectNumber()),
            subject.projectNumber(),
            sender,
            subject.kind());
    if (source.isPresent() || subject.kind() != RequestKind.TRANSFER) return source;
    String destination = subject.destinationNumber();
    return refusal(registry.find(destination), destination, sender, subject.kind())
        .map(f -> aboutDestination(f, destination));
  }

  /** The reason this sender may not request outputs for this project number, or empty. */
  public static Optional<Finding> refusal(
      Optional<Project> project, String projectNumber, String sender) {
    return refusal(project, projectNumber, sender, RequestKind.OUTPUT);
  }

  private static Optional<Finding> refusal(
      Optional<Project> project, String projectNumber, String sender, RequestKind kind) {
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
      Optional<Finding> f = rule.check(project.get(), sender, kind);
      if (f.isPresent()) return f;
    }
    return Optional.empty();
  }

  /**
   * A transfer's researcher must be named on both projects: the refusal says it was the
   * destination's turn, so a researcher named on the source knows which project lacks them.
   */
  private static Finding aboutDestination(Finding f, String destination) {
    if (!f.code().equals("NOT_NAMED_RESEARCHER")) return f;
    return Finding.blocker(
        f.code(),
        "sender",
        "A transfer can be asked for only by a researcher named on both projects, and this address is"
            + " not named on project "
            + destination
            + ", the project the files would go to. Please ask that project's lead to add you through"
            + " the Researcher Access Service, or ask a researcher named on both projects to send the"
            + " request.");
  }

  /** What the researcher asks for, in the refusal's words. */
  private static String asking(RequestKind kind) {
    return switch (kind) {
      case OUTPUT -> "request outputs";
      case INGEST -> "ask for files to be ingested";
      case TRANSFER -> "ask for a transfer";
    };
  }
}
