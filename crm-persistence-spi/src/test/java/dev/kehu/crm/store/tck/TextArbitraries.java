package dev.kehu.crm.store.tck;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ListArbitrary;

/** Text as people type it, for the property kits. */
final class TextArbitraries {
    private TextArbitraries() {
    }

    /** Names: letters of several scripts, emoji, spaces, quotes, SQL and LIKE metacharacters; 1 to 200 chars. */
    static Arbitrary<String> names() {
        return text(" ").ofMinSize(1).ofMaxSize(12).map(parts -> String.join("", parts))
                .filter(name -> !name.isBlank() && name.length() <= 200);
    }

    /** Notes may also hold line breaks and tabs, or be empty. */
    static Arbitrary<String> notes() {
        return text("\n", "\r\n", "\t").ofMaxSize(30).map(parts -> String.join("", parts));
    }

    private static ListArbitrary<String> text(String... extraSeparators) {
        Arbitrary<String> words = Arbitraries.strings()
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withCharRange('\u4e00', '\u9fa5')
                .withChars('É', 'ü', 'Ж', 'ω')
                .ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> awkward = Arbitraries.of("'; DROP TABLE customer; --", "'", "''", "\"", "\\", "\\\\",
                "%", "_", "%_", "\\%", "😀", "🚀", "👨‍👩‍👧", "北京华夏", "$1", "?", ":name", "/*", "*/", "--", ";", "`");
        Arbitrary<String> separators = Arbitraries.of(concat(" ", extraSeparators));
        return Arbitraries.frequencyOf(
                        Tuple.of(5, words),
                        Tuple.of(3, awkward),
                        Tuple.of(2, separators))
                .list();
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
