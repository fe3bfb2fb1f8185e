/**
 * Assigning opportunities to account managers (O6, Y5), as values and pure functions: a sales supervisor
 * ({@link dev.kehu.crm.assignment.AssignmentPolicy}) applies an
 * {@link dev.kehu.crm.assignment.AssignmentStrategy} — by hand, round robin within a team, least loaded, or
 * rules by territory, industry or source — to a batch of {@link dev.kehu.crm.assignment.WorkItem}s, given the
 * {@link dev.kehu.crm.assignment.SalesRep}s and their open {@link dev.kehu.crm.assignment.Workload}, and gets
 * an {@link dev.kehu.crm.assignment.AssignmentPlan}. The package reads no store and keeps no state: the use
 * case loads the reps, the load and the team's {@link dev.kehu.crm.assignment.RoundRobinPosition}, and saves
 * the plan's owners and position in one transaction.
 */
package dev.kehu.crm.assignment;
