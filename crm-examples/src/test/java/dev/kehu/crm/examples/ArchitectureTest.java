package dev.kehu.crm.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import dev.kehu.crm.Kehu;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The architecture rules of DESIGN.md, checked over the production classes of every module. */
class ArchitectureTest {
    private static JavaClasses all;

    /** Classes of the crm-core module, recognised by where they were loaded from. */
    private static final DescribedPredicate<JavaClass> IN_CORE = fromModule("crm-core");
    private static final DescribedPredicate<JavaClass> IN_EXAMPLES = fromModule("crm-examples");

    @BeforeAll
    static void importClasses() {
        // The other modules arrive as directories under `test` and as jars under `verify`: import both.
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.kehu.crm");
    }

    private static DescribedPredicate<JavaClass> fromModule(String module) {
        return DescribedPredicate.describe("in module " + module, c -> c.getSource()
                .map(source -> source.getUri().toString().contains("/" + module + "/")).orElse(false));
    }

    @Test
    @DisplayName("crm-core depends on no storage, JSON, persistence framework, driver or other module")
    void coreIsPure() {
        noClasses().that(IN_CORE).should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "com.fasterxml.jackson..", "jakarta.persistence..", "javax.persistence..",
                        "org.hibernate..", "org.h2..", "org.postgresql..", "org.mariadb..", "com.mysql..", "com.zaxxer..",
                        "org.flywaydb..", "dev.kehu.crm.store..", "dev.kehu.crm.jdbc..", "dev.kehu.crm.reports..",
                        "dev.kehu.crm.examples..")
                .check(all);
    }

    @Test
    @DisplayName("other modules use only the public API of the core, never its internal packages")
    void coreInternalsStayInside() {
        noClasses().that(DescribedPredicate.not(IN_CORE)).should().dependOnClassesThat(
                        DescribedPredicate.and(IN_CORE, resideInInternal()))
                .check(all);
    }

    @Test
    @DisplayName("a module's internal packages are used only inside that module")
    void internalsStayInTheirModule() {
        for (String module : new String[] {"crm-persistence-spi", "crm-persistence-jdbc", "crm-reports"}) {
            DescribedPredicate<JavaClass> inModule = fromModule(module);
            noClasses().that(DescribedPredicate.not(inModule)).should().dependOnClassesThat(
                            DescribedPredicate.and(inModule, resideInInternal()))
                    .allowEmptyShould(true)
                    .check(all);
        }
    }

    private static DescribedPredicate<JavaClass> resideInInternal() {
        return DescribedPredicate.describe("in an internal package", c -> c.getPackageName().contains(".internal"));
    }

    @Test
    @DisplayName("the core's feature packages have no dependency cycles")
    void noCyclesBetweenFeatures() {
        slices().matching("dev.kehu.crm.(*)..").should().beFreeOfCycles().check(all.that(IN_CORE));
    }

    @Test
    @DisplayName("adapters implement the core's interfaces and never extend its classes")
    void portsAreInterfaces() {
        classes().that(IN_CORE).and().areNotInterfaces().should(new ArchCondition<>("not be extended outside crm-core") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getSubclasses().stream().filter(sub -> !IN_CORE.test(sub)).forEach(sub -> events.add(
                        SimpleConditionEvent.violated(sub, sub.getName() + " extends core class " + type.getName())));
            }
        }).check(all);
    }

    @Test
    @DisplayName("production code reads time and random ids only through the injected clock and id generator")
    void noHiddenClockOrRandomIds() {
        noClasses().that(DescribedPredicate.not(IN_EXAMPLES))
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callConstructor(Random.class)
                .check(all);
        // Only the entry point may fall back to the system clock and the thread's random numbers (the retry's
        // jitter), as defaults a host can replace.
        noClasses().that(DescribedPredicate.not(IN_EXAMPLES)).and().doNotHaveFullyQualifiedName(Kehu.class.getName())
                .and().doNotHaveFullyQualifiedName(Kehu.Builder.class.getName())
                .should().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(ThreadLocalRandom.class, "current")
                .check(all);
    }

    @Test
    @DisplayName("static fields are final and of no mutable container type, so two Kehu instances share nothing")
    void noStaticMutableState() {
        fields().that().areStatic().should().haveModifier(JavaModifier.FINAL).check(all);
        for (Class<?> mutable : List.of(ThreadLocal.class, ArrayList.class, HashMap.class, HashSet.class,
                LinkedHashMap.class, ConcurrentHashMap.class, AtomicLong.class, AtomicInteger.class,
                AtomicReference.class, StringBuilder.class)) {
            fields().that().areStatic().should().notHaveRawType(mutable).check(all);
        }
    }

    @Test
    @DisplayName("only the examples print to standard streams")
    void noPrinting() {
        noClasses().that(DescribedPredicate.not(IN_EXAMPLES))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(all);
    }

    @Test
    @DisplayName("events are records")
    void eventsAreRecords() {
        classes().that(DescribedPredicate.describe("implement an *Event interface", c -> c.getAllRawInterfaces()
                        .stream().anyMatch(i -> i.getSimpleName().endsWith("Event"))))
                .should().beRecords().allowEmptyShould(true).check(all);
    }
}
