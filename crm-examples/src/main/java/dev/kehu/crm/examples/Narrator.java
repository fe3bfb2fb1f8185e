package dev.kehu.crm.examples;

import dev.kehu.crm.common.Labelled;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.common.Money;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** How the demo speaks: the reader's language, headings, and amounts and durations written the same way. */
final class Narrator {
    private final Locale locale;
    private final PrintStream out;

    Narrator(Locale locale, PrintStream out) {
        this.locale = locale;
        this.out = out;
    }

    Locale locale() {
        return locale;
    }

    PrintStream out() {
        return out;
    }

    /** The Chinese or the English text, by the reader's language. */
    String t(String zh, String en) {
        return Labelled.isChinese(locale) ? zh : en;
    }

    /** The name of one of the demo's people, in the reader's language. */
    String name(UserId user) {
        return switch (user.value()) {
            case "wang.wei" -> t("王伟", "Wang Wei");
            case "zhao.min" -> t("赵敏", "Zhao Min");
            case "liu.qiang" -> t("刘强", "Liu Qiang");
            case "sun.li" -> t("孙丽", "Sun Li");
            case "zhou.hong" -> t("周红", "Zhou Hong");
            case "contract-approvers" -> t("合同审批人", "contract approvers");
            default -> user.value();
        };
    }

    void say(String zh, String en) {
        out.println(t(zh, en));
    }

    void heading(String zh, String en) {
        String text = t(zh, en);
        out.println(text);
        out.println("=".repeat(TextTable.width(text)));
    }

    void print(TextTable table) {
        table.print(out);
    }

    /** {@code 552,000.00 CNY}: grouped, with the currency's own decimals, alike in both languages. */
    static String money(Money money) {
        int decimals = Math.max(money.currency().getDefaultFractionDigits(), 0);
        return String.format(Locale.ROOT, "%,." + decimals + "f %s", money.amount(), money.currency().getCurrencyCode());
    }

    /** Whole days and hours, e.g. {@code 6 天 2 小时} or {@code 6 d 2 h}. */
    String duration(Duration duration) {
        long days = duration.toDays();
        long hours = duration.minusDays(days).toHours();
        return t(days + " 天 " + hours + " 小时", days + " d " + hours + " h");
    }
}
