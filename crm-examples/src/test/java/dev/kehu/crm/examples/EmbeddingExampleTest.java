package dev.kehu.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        String source = Files.readString(
                Path.of("src/main/java/dev/kehu/crm/examples/EmbeddingExample.java"), StandardCharsets.UTF_8);
        Matcher tagged = Pattern.compile("// tag::embedding\\[]\\n(.*?)\\n\\s*// end::embedding\\[]", Pattern.DOTALL)
                .matcher(source);
        assertThat(tagged.find()).as("tagged region in EmbeddingExample.java").isTrue();
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("```java\n" + tagged.group(1).stripIndent() + "\n```");
    }
}
