/**
 * Customer service and support (客户服务与支持, S1, S2, S4, S5, S7), as values and pure functions: the
 * {@link dev.kehu.crm.service.ServiceTicket} and its history, corrective measures of complaints and the
 * satisfaction survey; {@link dev.kehu.crm.service.BusinessHours}, {@link dev.kehu.crm.service.ServiceLevel}
 * and the {@link dev.kehu.crm.service.SlaClock} that says when a ticket is about to breach or has breached;
 * choosing an agent ({@link dev.kehu.crm.service.TicketAssignment}); and {@link dev.kehu.crm.service.Expense}s.
 * Nothing here reads a clock or a store: use cases pass the instant, the agents and their loads.
 */
package dev.kehu.crm.service;
