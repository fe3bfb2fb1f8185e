package dev.kehu.crm.examples;

import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.callcentre.Callers;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.jdbc.JdbcCrmStore;
import dev.kehu.crm.migration.CustomerImportRow;
import dev.kehu.crm.migration.ImportReport;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import java.util.List;

/** The examples of the README, verbatim between the tags; a test runs them and compares them with the README. */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /** Runs the example and returns what it found, so that a test can check it. */
    public static String run(String jdbcUrl) {
        // tag::embedding[]
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);  // e.g. "jdbc:h2:mem:crm;DB_CLOSE_DELAY=-1", PostgreSQL or MariaDB
        try (dataSource; CrmStore store = JdbcCrmStore.create(dataSource);  // migrates the schema
             Kehu kehu = Kehu.builder().store(store).build()) {
            Actor wangWei = Actor.of("wang.wei", "acme", Role.SALES_REPRESENTATIVE);
            Customer huaxia = kehu.customers().create(wangWei,
                    CustomerDetails.company("北京华夏科技有限公司").industry("IT")
                            .phone("010-6512 3456").city("北京市").build());
            kehu.contacts().create(wangWei, ContactDetails.of(huaxia.id(), "李娜")
                    .position("技术总监").mobile("138 0013 8000").primary(true).build());

            Page<Customer> found = kehu.customers()
                    .search(wangWei, "bjhx", PageRequest.first(20, CustomerSort.NAME));
            Callers caller = kehu.callCentre().findByPhone(wangWei, "+86 138-0013-8000");
            return found.items().get(0).name() + " / " + caller.contacts().get(0).name();
        }
        // end::embedding[]
    }

    /** Runs the import example and returns each row's outcome, with the path of its first violation if refused. */
    public static List<String> runImport(String jdbcUrl) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        try (dataSource; CrmStore store = JdbcCrmStore.create(dataSource);
             Kehu kehu = Kehu.builder().store(store).build()) {
            Actor wangWei = Actor.of("wang.wei", "acme", Role.SALES_REPRESENTATIVE);
            // tag::import[]
            ImportReport report = kehu.imports().customers(wangWei, List.of(
                    CustomerImportRow.of(CustomerDetails.company("上海新华贸易有限公司").number("KH-0001")
                                    .phone("021-6000 1234").build(),
                            new ContactDetails.Builder().name("张伟").mobile("139 1234 5678").primary(true).build()),
                    CustomerImportRow.of(CustomerDetails.company("新华贸易").number("KH-0001").build()),
                    CustomerImportRow.of(CustomerDetails.company("东方物流").phone("12345").build())));
            // rows 0 CREATED, 1 DUPLICATE (its number is row 0's), 2 REJECTED (customer.phone)
            // end::import[]
            return report.rows().stream().map(row -> row.status() + row.violations().stream()
                    .map(v -> " " + v.path()).findFirst().orElse("")).toList();
        }
    }
}
