package dev.kehu.crm.common.validation;

/** The shape of a website address: an optional http(s) scheme, a host with a dot, an optional port and path. */
public final class Website {
    public static final String PATTERN =
            "(?i)(https?://)?[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)+(:[0-9]{1,5})?([/?#][^\\s]*)?";

    private Website() {
    }
}
