package dev.kehu.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's code blocks are copies of tagged regions of the examples, which tests compile and run. */
final class Readme {
    private Readme() {
    }

    /** Asserts that the README shows the region {@code tag} of the example {@code exampleClass} as a Java block. */
    static void showsExample(String exampleClass, String tag) throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/kehu/crm/examples/" + exampleClass + ".java"),
                StandardCharsets.UTF_8);
        Matcher tagged = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\n\\s*// end::" + tag + "\\[]",
                Pattern.DOTALL).matcher(source);
        assertThat(tagged.find()).as("tagged region " + tag + " in " + exampleClass + ".java").isTrue();
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("```java\n" + tagged.group(1).stripIndent() + "\n```");
    }
}
