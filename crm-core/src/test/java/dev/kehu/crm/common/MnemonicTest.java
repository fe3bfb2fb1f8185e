package dev.kehu.crm.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MnemonicTest {
    @Test
    @DisplayName("a Chinese company name becomes its pinyin initials")
    void chineseName() {
        assertThat(Mnemonic.of("北京华夏科技")).isEqualTo("bjhxkj");
        assertThat(Mnemonic.of("上海浦东发展银行")).isEqualTo("shpdfzyh");
    }

    @Test
    @DisplayName("Latin letters and digits are kept in lower case, punctuation and spaces dropped")
    void mixedName() {
        assertThat(Mnemonic.of("华为 Huawei（深圳）3号")).isEqualTo("hwhuaweisz3h");
        assertThat(Mnemonic.of("ACME Ltd.")).isEqualTo("acmeltd");
    }

    @Test
    @DisplayName("words whose usual reading is not the first reading of their characters read as people say them")
    void polyphonicWords() {
        assertThat(Mnemonic.of("重庆长安汽车")).isEqualTo("cqcaqc");
        assertThat(Mnemonic.of("厦门国际银行")).isEqualTo("xmgjyh");
    }

    @Test
    @DisplayName("characters without a reading, such as emoji, are left out")
    void emoji() {
        assertThat(Mnemonic.of("快乐😀花店")).isEqualTo("klhd");
    }

    @Test
    @DisplayName("only ASCII letters and digits are kept: full-width letters become ASCII, accents and kana go")
    void asciiOnly() {
        assertThat(Mnemonic.of("ＡＢＣ Café カフェ")).isEqualTo("abccaf");
    }

    @Test
    @DisplayName("a long name of characters outside the basic plane still gives a mnemonic of whole characters")
    void longSupplementaryName() {
        assertThat(Mnemonic.of("𠀀".repeat(30) + "华".repeat(60))).hasSize(Mnemonic.MAX_LENGTH).matches("[a-z0-9]+");
    }

    @Test
    @DisplayName("a mnemonic is at most 50 characters long")
    void longName() {
        assertThat(Mnemonic.of("a".repeat(80))).hasSize(Mnemonic.MAX_LENGTH);
    }
}
