package dev.kehu.crm.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The mnemonic name (助记名称): pinyin initials of the Chinese characters, letters and digits kept,
 * everything else dropped, in lower case. 北京华夏科技 → {@code bjhxkj}; 华为 Huawei → {@code hwhuawei}.
 */
public final class Mnemonic {
    public static final int MAX_LENGTH = 50;

    private Mnemonic() {
    }

    /**
     * Words whose characters have several readings and whose usual one in company and place names is
     * not the character's first reading (行 is xing, but 银行 is yinhang).
     */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("银行", "yh"), Map.entry("行业", "hy"), Map.entry("商行", "sh"), Map.entry("车行", "ch"),
            Map.entry("重庆", "cq"), Map.entry("厦门", "xm"), Map.entry("成长", "cz"), Map.entry("董事长", "dsz"),
            Map.entry("行长", "hz"), Map.entry("校长", "xz"), Map.entry("会计", "kj"), Map.entry("音乐", "yy"),
            Map.entry("朝阳", "cy"), Map.entry("蚌埠", "bb"), Map.entry("六安", "la"), Map.entry("东莞", "dg"),
            Map.entry("单县", "sx"), Map.entry("乐山", "ls"), Map.entry("乐清", "yq"));
    /** Characters whose usual reading in names is not their first one (长 in 长城, 长沙, 长安 is chang). */
    private static final Map<Character, Character> CHARACTERS = Map.of('长', 'c');
    private static final int LONGEST_WORD = 3;

    public static String of(String name) {
        name = Normalizer.normalize(name, Normalizer.Form.NFKC); // full-width ＡＢＣ reads as ABC
        StringBuilder initials = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            String word = wordAt(name, i);
            if (word != null) {
                initials.append(WORDS.get(word));
                i += word.length();
            } else {
                int cp = name.codePointAt(i);
                appendInitial(initials, cp);
                i += Character.charCount(cp);
            }
        }
        String mnemonic = initials.toString().toLowerCase(Locale.ROOT);
        return mnemonic.length() > MAX_LENGTH ? mnemonic.substring(0, MAX_LENGTH) : mnemonic;
    }

    private static String wordAt(String name, int start) {
        for (int length = Math.min(LONGEST_WORD, name.length() - start); length >= 2; length--) {
            String candidate = name.substring(start, start + length);
            if (WORDS.containsKey(candidate)) return candidate;
        }
        return null;
    }

    private static void appendInitial(StringBuilder out, int cp) {
        if (cp >= 0x80 && Character.isBmpCodePoint(cp)) {
            Character usual = CHARACTERS.get((char) cp);
            if (usual != null) {
                out.append(usual);
                return;
            }
            // Outside the words above, a character's first reading is its most common one.
            String[] readings = PinyinHelper.toHanyuPinyinStringArray((char) cp);
            if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                out.append(readings[0].charAt(0));
                return;
            }
        }
        // Only ASCII letters and digits are kept, so a mnemonic can always be typed (é, kana, emoji are not).
        if (cp < 0x80 && Character.isLetterOrDigit(cp)) out.append((char) cp);
    }
}
