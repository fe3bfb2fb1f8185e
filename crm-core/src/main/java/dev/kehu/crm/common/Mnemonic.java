package dev.kehu.crm.common;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The mnemonic name (助记名称): pinyin initials of the Chinese characters, letters and digits kept,
 * everything else dropped, in lower case. 北京华夏科技 → {@code bjhxkj}; 华为 Huawei → {@code hwhuawei}.
 */
public final class Mnemonic {
    public static final int MAX_LENGTH = 50;

    private Mnemonic() {
    }

    public static String of(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                if (Character.isLetterOrDigit(cp)) out.append(Character.toLowerCase((char) cp));
                return;
            }
            if (Character.isBmpCodePoint(cp)) {
                // The first reading of a polyphonic character is its most common one (e.g. 重 → zhong).
                String[] readings = PinyinHelper.toHanyuPinyinStringArray((char) cp);
                if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                    out.append(readings[0].charAt(0));
                    return;
                }
            }
            if (Character.isLetterOrDigit(cp)) out.appendCodePoint(Character.toLowerCase(cp));
        });
        String mnemonic = out.toString().toLowerCase(Locale.ROOT);
        return mnemonic.length() > MAX_LENGTH ? mnemonic.substring(0, MAX_LENGTH) : mnemonic;
    }
}
