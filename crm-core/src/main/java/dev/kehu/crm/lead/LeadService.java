package dev.kehu.crm.lead;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.assignment.AssignmentPlan.Unassigned;
import dev.kehu.crm.assignment.AssignmentPolicy;
import dev.kehu.crm.assignment.SalesForce;
import dev.kehu.crm.assignment.SalesRep;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactService;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerService;
import dev.kehu.crm.internal.Input;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.opportunity.OpportunityService;
import dev.kehu.crm.security.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The lead use cases (O1): capture, nurture, qualify or discard, assign, and convert into a customer, a
 * contact and an opportunity. Each is one transaction; a conversion creates everything or nothing. Obtain
 * it from {@code Kehu.leads()}.
 */
public final class LeadService {
    private final ServiceContext context;
    private final Leads leads;
    private final RecordKeeper<LeadId, Lead> keeper;
    private final CustomerService customers;
    private final ContactService contacts;
    private final OpportunityService opportunities;
    private final SalesForce salesForce;

    public LeadService(ServiceContext context, Leads leads, CustomerService customers, ContactService contacts,
                       OpportunityService opportunities, SalesForce salesForce) {
        this.context = context;
        this.leads = leads;
        this.keeper = new RecordKeeper<>(context, Lead.RECORD_TYPE, leads::find, leads::save, Lead::owner, Lead::version);
        this.customers = customers;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.salesForce = salesForce;
    }

    /** Captures a lead, owned by the actor until a supervisor assigns it. */
    public Lead capture(Actor actor, LeadDetails details) {
        context.authorize(actor, "lead.create", Lead.RECORD_TYPE, null);
        Problems problems = context.validator().check(details, actor.locale());
        if (details == null) problems.throwIfAny();
        if (Text.blankToNull(details.company()) == null && Text.blankToNull(details.person()) == null) {
            problems.add("company", "lead.name.missing", null);
        }
        String source = context.referenceCode(problems, "source", details.source(), ReferenceData.OPPORTUNITY_SOURCE);
        PhoneNumber phone = context.phone(problems, "phone", details.phone());
        problems.throwIfAny();
        return context.inTransaction(actor, () -> {
            Instant now = context.now();
            LeadId id = new LeadId(context.nextId());
            return keeper.create(actor, id, "lead.create", Lead.capture(id, actor.tenant(), source,
                    strip(details.company()), strip(details.person()), phone, Text.email(details.email()),
                    Text.blankToNull(details.notes()), actor.user(), now));
        });
    }

    /** Records that the lead is being nurtured (培育), with a note of what was done. */
    public Lead nurture(Actor actor, LeadId id, String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return change(actor, id, "lead.nurture", lead -> lead.nurture(Text.blankToNull(note), context.now()));
    }

    public Lead qualify(Actor actor, LeadId id) {
        return change(actor, id, "lead.qualify", lead -> lead.qualify(context.now()));
    }

    public Lead discard(Actor actor, LeadId id, String reason) {
        context.checkInput(actor, "reason", Input.NOTE, reason);
        return change(actor, id, "lead.discard", lead -> lead.discard(Text.blankToNull(reason), context.now()));
    }

    /**
     * Gives the lead to {@code newOwner}, who is notified; only a sales supervisor may, and only to an account
     * manager who is active and present (refused as {@code assignment.rep-unknown}, {@code …-inactive} or
     * {@code …-absent}).
     */
    public Lead assign(Actor actor, LeadId id, UserId newOwner) {
        requireNonNull(newOwner, "newOwner");
        AssignmentPolicy.check(actor).orThrow(actor.locale());
        Optional<SalesRep> rep = salesForce.rep(actor.tenant(), newOwner);
        String refusal = rep.isEmpty() ? Unassigned.REP_UNKNOWN : !rep.get().active() ? Unassigned.REP_INACTIVE
                : rep.get().absent() ? Unassigned.REP_ABSENT : null;
        if (refusal != null) throw BusinessRuleException.of(refusal, actor.locale(), id.value());
        return context.inTransaction(actor, () -> {
            Lead assigned = change(actor, id, "lead.assign", lead -> lead.assign(newOwner, context.now()));
            context.notify(new Notification(actor.tenant(), newOwner, "lead.assigned", Lead.RECORD_TYPE, id.value(),
                    actor.user(), context.now(),
                    Map.of("subject", assigned.company() != null ? assigned.company() : assigned.person())));
            return assigned;
        });
    }

    /**
     * Converts a qualified lead (O1): creates or links to the customer, creates or links to the contact, opens
     * the opportunity, and marks the lead converted, all in one transaction. Converting twice is refused
     * ({@code lead.converted}); when any part is refused, nothing is written.
     */
    public Conversion convert(Actor actor, LeadId id, LeadConversion into) {
        requireNonNull(into, "into");
        return context.inTransaction(actor, () -> {
            Lead lead = keeper.load(actor, id, "lead.convert");
            lead.convertible().orThrow(actor.locale());
            Customer customer = into.existingCustomer() != null ? customers.get(actor, into.existingCustomer())
                    : customers.create(actor, into.newCustomer());
            Contact contact = null;
            if (into.existingContact() != null) {
                contact = contacts.get(actor, into.existingContact());
                if (!contact.customer().equals(customer.id())) {
                    context.rejectInput(actor.locale(), "existingContact",
                            "lead.contact.other-customer", into.existingContact().value());
                }
            } else if (into.newContact() != null) {
                contact = contacts.create(actor, into.newContact().toBuilder().customer(customer.id().value()).build());
            }
            OpportunityDetails details = into.opportunity().withCustomer(customer.id());
            if (details.source() == null && lead.source() != null) {
                details = details.toBuilder().source(lead.source()).build();
            }
            Opportunity opportunity = opportunities.open(actor, details);
            Conversion conversion = new Conversion(customer.id(), contact == null ? null : contact.id(), opportunity.id());
            Lead converted = leads.save(lead.convert(conversion, context.now()));
            context.audit(actor, Lead.RECORD_TYPE, id.value(), "lead.convert", lead, converted);
            return conversion;
        });
    }

    public Optional<Lead> find(Actor actor, LeadId id) {
        return keeper.find(actor, id);
    }

    public Lead get(Actor actor, LeadId id) {
        return keeper.get(actor, id);
    }

    /** The leads matching {@code query}, by id. */
    public List<Lead> list(Actor actor, LeadQuery query) {
        requireNonNull(query, "query");
        context.authorize(actor, "lead.read", Lead.RECORD_TYPE, null);
        return leads.matching(actor.tenant(), query);
    }

    /** The audit trail of the lead, oldest first. */
    public List<AuditEntry> history(Actor actor, LeadId id) {
        get(actor, id);
        return context.auditLog().forRecords(actor.tenant(), Lead.RECORD_TYPE, java.util.Set.of(id.value()));
    }

    private Lead change(Actor actor, LeadId id, String action, UnaryOperator<Lead> change) {
        return keeper.change(actor, id, action, change);
    }

    private static String strip(String text) {
        String value = Text.blankToNull(text);
        return value == null ? null : value.strip();
    }
}
