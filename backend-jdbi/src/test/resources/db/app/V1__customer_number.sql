-- The application's own migration (Ziggurat's customer_number): a nullable column on Gatehouse's users table,
-- with an index named by the application. It runs after Gatehouse's migrations, in the application's history.
ALTER TABLE gatehouse_users ADD COLUMN customer_number VARCHAR(32);
CREATE UNIQUE INDEX app_users_customer_number_uq ON gatehouse_users (customer_number);
