package dev.kehu.crm.contact;

import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.validation.OneOf;
import dev.kehu.crm.common.validation.PlainText;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.OrgUnitId;
import dev.kehu.crm.internal.Text;
import jakarta.validation.constraints.Email;
import dev.kehu.crm.common.validation.HasText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What a person enters about a contact (K1), as text where it arrives as text; checked when a use case
 * receives it. Build with {@link #of(CustomerId, String)}.
 */
public record ContactDetails(
        @HasText @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String customer,
        @HasText @Size(max = 100) @PlainText String name,
        @OneOf(Gender.class) String gender,
        @OneOf(ContactCategory.class) String category,
        @Size(max = 200) @PlainText String responsibility,
        @Size(max = 50) @PlainText String salutation,
        boolean primary,
        @Size(max = 100) @PlainText String department,
        @Size(max = 100) @PlainText String position,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String orgUnit,
        @Size(max = 40) String workPhone,
        @Size(max = 40) String fax,
        @Size(max = 40) String mobile,
        @Size(max = 40) String homePhone,
        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @PlainText String email,
        @Size(max = 100) @PlainText String messenger,
        @Size(max = 300) @PlainText String homeAddress,
        LocalDate birthday,
        @Size(max = 500) @PlainText(multiline = true) String hobbies,
        @Size(max = 4000) @PlainText(multiline = true) String notes) {

    public ContactDetails {
        // Forms send "" for an empty field: it means "not given".
        gender = Text.blankToNull(gender);
        category = Text.blankToNull(category);
        orgUnit = Text.blankToNull(orgUnit);
        workPhone = Text.blankToNull(workPhone);
        fax = Text.blankToNull(fax);
        mobile = Text.blankToNull(mobile);
        homePhone = Text.blankToNull(homePhone);
        email = Text.stripToNull(email);
    }

    public static Builder of(CustomerId customer, String name) {
        return new Builder().customer(customer.value()).name(name);
    }

    /** The details of a stored contact, to change some of them and {@code update}. */
    public static ContactDetails of(Contact c) {
        return new Builder().customer(c.customer().value()).name(c.name())
                .gender(c.gender() == null ? null : c.gender().name()).category(c.category().name())
                .responsibility(c.responsibility()).salutation(c.salutation()).primary(c.primary())
                .department(c.department()).position(c.position())
                .orgUnit(c.orgUnit() == null ? null : c.orgUnit().value())
                .workPhone(Text.of(c.workPhone())).fax(Text.of(c.fax())).mobile(Text.of(c.mobile()))
                .homePhone(Text.of(c.homePhone())).email(c.email()).messenger(c.messenger())
                .homeAddress(c.homeAddress()).birthday(c.birthday()).hobbies(c.hobbies()).notes(c.notes())
                .build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds details; nothing is checked until a use case receives them. */
    public static final class Builder {
        private String customer;
        private String name;
        private String gender;
        private String category;
        private String responsibility;
        private String salutation;
        private boolean primary;
        private String department;
        private String position;
        private String orgUnit;
        private String workPhone;
        private String fax;
        private String mobile;
        private String homePhone;
        private String email;
        private String messenger;
        private String homeAddress;
        private LocalDate birthday;
        private String hobbies;
        private String notes;

        public Builder() {
        }

        private Builder(ContactDetails d) {
            customer = d.customer; name = d.name; gender = d.gender; category = d.category;
            responsibility = d.responsibility; salutation = d.salutation; primary = d.primary;
            department = d.department; position = d.position; orgUnit = d.orgUnit; workPhone = d.workPhone;
            fax = d.fax; mobile = d.mobile; homePhone = d.homePhone; email = d.email; messenger = d.messenger;
            homeAddress = d.homeAddress; birthday = d.birthday; hobbies = d.hobbies; notes = d.notes;
        }

        public Builder customer(String value) { customer = value; return this; }
        public Builder name(String value) { name = value; return this; }
        public Builder gender(String value) { gender = value; return this; }
        public Builder gender(Gender value) { return gender(value.name()); }
        public Builder category(String value) { category = value; return this; }
        public Builder category(ContactCategory value) { return category(value.name()); }
        public Builder responsibility(String value) { responsibility = value; return this; }
        public Builder salutation(String value) { salutation = value; return this; }
        public Builder primary(boolean value) { primary = value; return this; }
        public Builder department(String value) { department = value; return this; }
        public Builder position(String value) { position = value; return this; }
        public Builder orgUnit(String value) { orgUnit = value; return this; }
        public Builder orgUnit(OrgUnitId value) { return orgUnit(value.value()); }
        public Builder workPhone(String value) { workPhone = value; return this; }
        public Builder fax(String value) { fax = value; return this; }
        public Builder mobile(String value) { mobile = value; return this; }
        public Builder homePhone(String value) { homePhone = value; return this; }
        public Builder email(String value) { email = value; return this; }
        public Builder messenger(String value) { messenger = value; return this; }
        public Builder homeAddress(String value) { homeAddress = value; return this; }
        public Builder birthday(LocalDate value) { birthday = value; return this; }
        public Builder hobbies(String value) { hobbies = value; return this; }
        public Builder notes(String value) { notes = value; return this; }

        public ContactDetails build() {
            return new ContactDetails(customer, name, gender, category, responsibility, salutation, primary,
                    department, position, orgUnit, workPhone, fax, mobile, homePhone, email, messenger, homeAddress,
                    birthday, hobbies, notes);
        }
    }
}
