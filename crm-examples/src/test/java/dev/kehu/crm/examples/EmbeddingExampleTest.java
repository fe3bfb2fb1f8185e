package dev.kehu.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddingExampleTest {
    @Test
    @DisplayName("the embedding example runs: it finds the customer by pinyin initials and the contact by phone")
    void runs() {
        assertThat(EmbeddingExample.run("jdbc:h2:mem:embedding-example;DB_CLOSE_DELAY=-1"))
                .isEqualTo("北京华夏科技有限公司 / 李娜");
    }

    @Test
    @DisplayName("the import example runs: the first row is created, the second skipped as its duplicate, the third "
            + "refused for its phone number")
    void importRuns() {
        assertThat(EmbeddingExample.runImport("jdbc:h2:mem:import-example;DB_CLOSE_DELAY=-1"))
                .containsExactly("CREATED", "DUPLICATE", "REJECTED customer.phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedding", "import"})
    @DisplayName("the README shows each example exactly as it is compiled and run")
    void readmeShowsTheTestedCode(String tag) throws IOException {
        Readme.showsExample("EmbeddingExample", tag);
    }
}
