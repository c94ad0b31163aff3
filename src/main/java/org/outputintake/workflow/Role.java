package org.outputintake.workflow;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.outputintake.config.Staff;
import org.outputintake.project.Project;
import org.outputintake.ticket.Ticket;

/**
 * Who a sender is for one ticket, decided from the registry and the staff configuration before any
 * text is read. A person can hold several roles: an officer who is also a named researcher of the
 * project.
 */
public enum Role {
  /** The researcher who made the request. */
  REQUESTER,
  /** Another researcher named on the ticket's project. */
  RESEARCHER,
  /**
   * Listed in {@code staff.officers} (or the ticket kind's {@code staff.lists}): may give commands.
   */
  OFFICER,
  /** A data owner of the ticket's project: may approve or deny. */
  DATA_OWNER,
  /**
   * Listed in {@code staff.managers}: may free a checker's slot with {@code #unassign}, and give no
   * other command unless also an officer or a data owner.
   */
  MANAGER;

  /** The roles of {@code sender} on {@code ticket}; empty for an outsider. */
  public static Set<Role> of(String sender, Ticket ticket, Project project, Staff staff) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (sender == null) return roles;
    String s = sender.toLowerCase(Locale.ROOT);
    if (s.equals(ticket.researcher())) roles.add(REQUESTER);
    else if (project != null && project.names(s)) roles.add(RESEARCHER);
    if (staff.isOfficerFor(s, ticket.kind().code())) roles.add(OFFICER);
    if (project != null && project.dataOwners().contains(s)) roles.add(DATA_OWNER);
    if (staff.isManager(s)) roles.add(MANAGER);
    return roles;
  }

  /** Whether the sender writes to this ticket as one of its project's researchers. */
  public static boolean researcher(Set<Role> roles) {
    return roles.contains(REQUESTER) || roles.contains(RESEARCHER);
  }

  /**
   * A manager who is neither an officer nor a data owner: {@code #unassign} is the one command they
   * may give.
   */
  public static boolean managerOnly(Set<Role> roles) {
    return roles.contains(MANAGER) && !roles.contains(OFFICER) && !roles.contains(DATA_OWNER);
  }

  /**
   * An officer who asked for this output, or works on the project as a researcher, never checks or
   * releases it: the two checks must be independent of the requester.
   */
  public static boolean conflicted(Set<Role> roles) {
    return roles.contains(OFFICER) && (roles.contains(REQUESTER) || roles.contains(RESEARCHER));
  }
}
