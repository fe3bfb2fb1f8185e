package dev.kehu.crm.examples;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The retry example runs in the soak test, where colleagues move the same deal; here it is compared with the README. */
class RetryExampleTest {
    @Test
    @DisplayName("the README shows the retry example exactly as it is compiled and run")
    void readmeShowsTheTestedCode() throws IOException {
        Readme.showsExample("RetryExample", "retry");
    }
}
