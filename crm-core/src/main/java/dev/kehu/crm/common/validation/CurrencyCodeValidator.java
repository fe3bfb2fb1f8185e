package dev.kehu.crm.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

public final class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, CharSequence> {
    private Set<String> codes;

    @Override
    public void initialize(CurrencyCode annotation) {
        // Codes without minor units are not money a customer pays: precious metals, funds, test and "no currency"
        // codes (XAU, XDR, XTS, XXX…).
        codes = Currency.getAvailableCurrencies().stream().filter(c -> c.getDefaultFractionDigits() >= 0)
                .map(Currency::getCurrencyCode).collect(Collectors.toSet());
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || codes.contains(value.toString());
    }
}
