package dev.kehu.crm.common;

/** A postal address; every part is optional. */
public record Address(String countryOrRegion, String province, String city, String postcode, String street) {
    public static final Address EMPTY = new Address(null, null, null, null, null);

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
