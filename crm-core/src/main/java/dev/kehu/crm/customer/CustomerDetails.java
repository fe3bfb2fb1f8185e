package dev.kehu.crm.customer;

import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.validation.OneOf;
import dev.kehu.crm.common.validation.PlainText;
import dev.kehu.crm.common.validation.Website;
import dev.kehu.crm.internal.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import dev.kehu.crm.common.validation.HasText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a person enters about a customer, as it arrives from a form or an import: codes and numbers as
 * text, checked when a use case receives it. Empty values take the defaults of the requirements
 * (ratings 中, kind 潜在, relationship 一般, stage 售前跟踪); the mnemonic is generated from the name
 * when not given. Build with {@link #company(String)} or {@link #individual(String)}.
 */
public record CustomerDetails(
        @NotNull @OneOf(CustomerType.class) String type,
        @HasText @Size(max = 200) @PlainText String name,
        @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9]*", message = "{dev.kehu.crm.Mnemonic.message}") String mnemonic,
        @Size(max = 40) @Pattern(regexp = "\\S+", message = "{dev.kehu.crm.Number.message}") @PlainText String number,
        @OneOf(Gender.class) String gender,
        @OneOf(Rating.class) String valueRating,
        @OneOf(Rating.class) String creditRating,
        @OneOf(CustomerCategory.class) String category,
        @Size(max = 64) String industry,
        @OneOf(RelationshipLevel.class) String relationship,
        @PositiveOrZero @Max(10_000_000) Integer staffSize,
        @Size(max = 64) String source,
        @OneOf(LifecycleStage.class) String lifecycleStage,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String parent,
        @Size(max = 100) @PlainText String countryOrRegion,
        @Size(max = 100) @PlainText String province,
        @Size(max = 100) @PlainText String city,
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]*", message = "{dev.kehu.crm.Postcode.message}") String postcode,
        @Size(max = 300) @PlainText String address,
        @Size(max = 40) String phone,
        @Size(max = 40) String fax,
        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @PlainText String email,
        @Size(max = 300) @Pattern(regexp = Website.PATTERN, message = "{dev.kehu.crm.Website.message}") @PlainText String website,
        @Size(max = 4000) @PlainText(multiline = true) String notes,
        @Size(max = 50) List<@HasText @Size(max = 50) @PlainText String> tags) {

    public CustomerDetails {
        // Forms send "" for an empty field: it means "not given", so that defaults apply.
        mnemonic = Text.blankToNull(mnemonic);
        number = Text.blankToNull(number);
        gender = Text.blankToNull(gender);
        valueRating = Text.blankToNull(valueRating);
        creditRating = Text.blankToNull(creditRating);
        category = Text.blankToNull(category);
        industry = Text.blankToNull(industry);
        relationship = Text.blankToNull(relationship);
        source = Text.blankToNull(source);
        lifecycleStage = Text.blankToNull(lifecycleStage);
        parent = Text.blankToNull(parent);
        countryOrRegion = Text.blankToNull(countryOrRegion);
        province = Text.blankToNull(province);
        city = Text.blankToNull(city);
        postcode = Text.blankToNull(postcode);
        address = Text.blankToNull(address);
        phone = Text.blankToNull(phone);
        fax = Text.blankToNull(fax);
        email = Text.stripToNull(email);
        website = Text.stripToNull(website);
        notes = Text.blankToNull(notes);
        tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    }

    public static Builder company(String name) {
        return new Builder().type(CustomerType.COMPANY).name(name);
    }

    public static Builder individual(String name) {
        return new Builder().type(CustomerType.INDIVIDUAL).name(name);
    }

    /** The details of a stored customer, to change some of them and {@code update}. */
    public static CustomerDetails of(Customer c) {
        return new Builder().type(c.type()).name(c.name()).mnemonic(c.mnemonic()).number(c.number())
                .gender(c.gender() == null ? null : c.gender().name())
                .valueRating(c.valueRating()).creditRating(c.creditRating()).category(c.category())
                .industry(c.industry()).relationship(c.relationship()).staffSize(c.staffSize()).source(c.source())
                .lifecycleStage(c.lifecycleStage()).parent(c.parent() == null ? null : c.parent().value())
                .countryOrRegion(c.address().countryOrRegion()).province(c.address().province())
                .city(c.address().city()).postcode(c.address().postcode()).address(c.address().street())
                .phone(c.phone() == null ? null : c.phone().e164()).fax(c.fax() == null ? null : c.fax().e164())
                .email(c.email()).website(c.website()).notes(c.notes()).tags(List.copyOf(c.tags()))
                .build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds details; nothing is checked until a use case receives them. */
    public static final class Builder {
        private String type;
        private String name;
        private String mnemonic;
        private String number;
        private String gender;
        private String valueRating;
        private String creditRating;
        private String category;
        private String industry;
        private String relationship;
        private Integer staffSize;
        private String source;
        private String lifecycleStage;
        private String parent;
        private String countryOrRegion;
        private String province;
        private String city;
        private String postcode;
        private String address;
        private String phone;
        private String fax;
        private String email;
        private String website;
        private String notes;
        private List<String> tags = List.of();

        public Builder() {
        }

        private Builder(CustomerDetails d) {
            type = d.type; name = d.name; mnemonic = d.mnemonic; number = d.number; gender = d.gender;
            valueRating = d.valueRating; creditRating = d.creditRating; category = d.category; industry = d.industry;
            relationship = d.relationship; staffSize = d.staffSize; source = d.source;
            lifecycleStage = d.lifecycleStage; parent = d.parent; countryOrRegion = d.countryOrRegion;
            province = d.province; city = d.city; postcode = d.postcode; address = d.address; phone = d.phone;
            fax = d.fax; email = d.email; website = d.website; notes = d.notes; tags = d.tags;
        }

        public Builder type(String value) { type = value; return this; }
        public Builder type(CustomerType value) { return type(value.name()); }
        public Builder name(String value) { name = value; return this; }
        public Builder mnemonic(String value) { mnemonic = value; return this; }
        public Builder number(String value) { number = value; return this; }
        public Builder gender(String value) { gender = value; return this; }
        public Builder gender(Gender value) { return gender(value.name()); }
        public Builder valueRating(String value) { valueRating = value; return this; }
        public Builder valueRating(Rating value) { return valueRating(value.name()); }
        public Builder creditRating(String value) { creditRating = value; return this; }
        public Builder creditRating(Rating value) { return creditRating(value.name()); }
        public Builder category(String value) { category = value; return this; }
        public Builder category(CustomerCategory value) { return category(value.name()); }
        public Builder industry(String value) { industry = value; return this; }
        public Builder relationship(String value) { relationship = value; return this; }
        public Builder relationship(RelationshipLevel value) { return relationship(value.name()); }
        public Builder staffSize(Integer value) { staffSize = value; return this; }
        public Builder source(String value) { source = value; return this; }
        public Builder lifecycleStage(String value) { lifecycleStage = value; return this; }
        public Builder lifecycleStage(LifecycleStage value) { return lifecycleStage(value.name()); }
        public Builder parent(String value) { parent = value; return this; }
        public Builder parent(CustomerId value) { return parent(value.value()); }
        public Builder countryOrRegion(String value) { countryOrRegion = value; return this; }
        public Builder province(String value) { province = value; return this; }
        public Builder city(String value) { city = value; return this; }
        public Builder postcode(String value) { postcode = value; return this; }
        public Builder address(String value) { address = value; return this; }
        public Builder phone(String value) { phone = value; return this; }
        public Builder fax(String value) { fax = value; return this; }
        public Builder email(String value) { email = value; return this; }
        public Builder website(String value) { website = value; return this; }
        public Builder notes(String value) { notes = value; return this; }
        public Builder tags(List<String> value) { tags = value; return this; }
        public Builder tags(String... value) { return tags(Arrays.asList(value)); }

        public CustomerDetails build() {
            return new CustomerDetails(type, name, mnemonic, number, gender, valueRating, creditRating, category,
                    industry, relationship, staffSize, source, lifecycleStage, parent, countryOrRegion, province,
                    city, postcode, address, phone, fax, email, website, notes, tags);
        }
    }
}
