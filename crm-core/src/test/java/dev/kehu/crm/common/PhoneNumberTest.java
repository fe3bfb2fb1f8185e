package dev.kehu.crm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {
    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "+8613800138000",
            "008613800138000", "(+86) 13800138000"})
    @DisplayName("every written form of a Chinese mobile number is the same E.164 number")
    void mobileForms(String written) {
        assertThat(PhoneNumber.parse(written, "CN")).contains(new PhoneNumber("+8613800138000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"010-6512 3456", "(010) 65123456", "+86 10 6512 3456", "01065123456"})
    @DisplayName("every written form of a Beijing landline is the same E.164 number")
    void landlineForms(String written) {
        assertThat(PhoneNumber.parse(written, "CN")).contains(new PhoneNumber("+861065123456"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12", "hello", "138001380001234567", "+1 000 000 0000", "'; DROP TABLE x; --"})
    @DisplayName("text that is not a valid number is not read as one")
    void invalid(String written) {
        assertThat(PhoneNumber.parse(written, "CN")).isEmpty();
    }

    @Test
    @DisplayName("a number is shown in its national form")
    void national() {
        assertThat(new PhoneNumber("+8613800138000").national()).isEqualTo("138 0013 8000");
    }

    @Test
    @DisplayName("a phone number value only holds E.164 text")
    void e164Only() {
        assertThatThrownBy(() -> new PhoneNumber("13800138000")).isInstanceOf(IllegalArgumentException.class);
    }
}
