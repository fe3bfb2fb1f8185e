package dev.kehu.crm.common;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** One entry of a configurable list (an industry, a source…): a stable code and its labels. */
public record Code(String code, String zh, String en) implements Labelled {
    public Code {
        Identifiers.check(code, "code");
        requireNonNull(zh, "zh");
        requireNonNull(en, "en");
    }

    @Override
    public String label(Locale locale) {
        return Labelled.isChinese(locale) ? zh : en;
    }
}
