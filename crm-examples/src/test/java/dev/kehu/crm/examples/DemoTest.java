package dev.kehu.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.CrmStore;
import dev.kehu.crm.jdbc.JdbcCrmStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoTest {
    private static String runDemo(Locale locale, String database) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        try (dataSource; CrmStore store = JdbcCrmStore.create(dataSource);
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new Demo(store, DemoClock.at(Demo.START, Demo.BEIJING), locale, out).run();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the demo tells its story in Chinese: search, screen-pop, merge, rejected input, audit trail")
    void chinese() {
        String output = runDemo(Locale.SIMPLIFIED_CHINESE, "demo-zh");
        assertThat(output)
                .contains("2. 按拼音首字母查找：“bjhx”")
                .contains("bjhxkjyxgs")
                .contains("规范化号码：+861065123456 (010 6512 3456)")
                .contains("孙悦")
                .contains("contact@huaxia-tech.example.cn")
                .contains("不是有效的电话号码")
                .contains("必须是以下之一：POTENTIAL, ORDINARY, VIP, AGENT, PARTNER, INACTIVE")
                .contains("“MINING”不在列表“industry”中")
                .contains("customer.merge")
                .contains("2026-11-23 09:30:00");
        String search = output.substring(output.indexOf("2. 按拼音首字母查找"), output.indexOf("3. 来电弹屏"));
        assertThat(search).contains("北京华夏科技有限公司").doesNotContain("上海浦东发展贸易有限公司");
        String merge = output.substring(output.indexOf("合并后的联系人"), output.indexOf("保留客户补充了空缺字段"));
        assertThat(merge).contains("李娜", "张强", "孙悦");
        assertThat(merge.lines().filter(line -> line.contains("★"))).hasSize(1);
    }

    @Test
    @DisplayName("the demo speaks English on request")
    void english() {
        String output = runDemo(Locale.ENGLISH, "demo-en");
        assertThat(output)
                .contains("2. Search by pinyin initials: \"bjhx\"")
                .contains("is not a valid phone number")
                .contains("must be one of: POTENTIAL, ORDINARY, VIP, AGENT, PARTNER, INACTIVE")
                .contains("information technology")
                .doesNotContain("不是有效的电话号码");
    }

    @Test
    @DisplayName("the clock and the ids are fixed: a second run prints exactly the same")
    void deterministic() {
        assertThat(runDemo(Locale.SIMPLIFIED_CHINESE, "demo-zh-1")).isEqualTo(runDemo(Locale.SIMPLIFIED_CHINESE, "demo-zh-2"));
    }
}
