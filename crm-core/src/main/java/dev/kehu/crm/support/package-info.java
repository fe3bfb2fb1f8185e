/**
 * Customer service and support (客户服务与支持, S1, S2, S4, S5, S7), as values and pure functions: the
 * {@link dev.kehu.crm.support.ServiceTicket} and its history, corrective measures of complaints and the
 * satisfaction survey; {@link dev.kehu.crm.support.BusinessHours}, {@link dev.kehu.crm.support.ServiceLevel}
 * and the {@link dev.kehu.crm.support.SlaClock} that says when a ticket is about to breach or has breached;
 * choosing an agent ({@link dev.kehu.crm.support.TicketAssignment}); and {@link dev.kehu.crm.support.Expense}s.
 * Nothing here reads a clock or a store: use cases pass the instant, the agents and their loads.
 */
package dev.kehu.crm.support;
