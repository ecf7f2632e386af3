package dev.gatehouse.hibernate.app;

import dev.gatehouse.hibernate.GatehouseUserBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An application's user entity: Gatehouse's columns from {@link GatehouseUserBase}, plus the application's own
 * {@code customer_number} (added by its migration in {@code src/test/resources/db/app}), as Ziggurat's
 * {@code class User(UserMixin, Base): customer_number = Column(Integer)}. It lives in a package of its own, so it
 * shows what an application can do with the public API alone.
 */
@Entity(name = "AppUser")
@Table(name = "gatehouse_users")
public class AppUser extends GatehouseUserBase {
    @Column(name = "customer_number", length = 32)
    private String customerNumber;

    public String getCustomerNumber() {
        return customerNumber;
    }

    public void setCustomerNumber(String customerNumber) {
        this.customerNumber = customerNumber;
    }
}
