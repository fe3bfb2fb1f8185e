package dev.kehu.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {
    @Test
    @DisplayName("the embedding example runs: it finds the customer by pinyin initials and the contact by phone")
    void runs() {
        assertThat(EmbeddingExample.run("jdbc:h2:mem:embedding-example;DB_CLOSE_DELAY=-1"))
                .isEqualTo("北京华夏科技有限公司 / 李娜");
    }

    @Test
    @DisplayName("the README shows the embedding example exactly as it is compiled and run")
    void readmeShowsTheTestedCode() throws IOException {
        Readme.showsExample("EmbeddingExample", "embedding");
    }
}
