package dev.kehu.crm.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

public final class OneOfValidator implements ConstraintValidator<OneOf, CharSequence> {
    private Set<String> names;

    @Override
    public void initialize(OneOf annotation) {
        names = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || names.contains(value.toString());
    }
}
