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
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;

/** The embedding example of the README, verbatim between the tags; a test runs it and compares it with the README. */
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
}
