-- The application's own migration (Ziggurat's customer_number), applied after Gatehouse's: an extra column on
-- Gatehouse's users table, nullable because Gatehouse's own inserts do not know it.
ALTER TABLE gatehouse_users ADD COLUMN customer_number VARCHAR(32);
CREATE UNIQUE INDEX app_users_customer_number_uq ON gatehouse_users (customer_number);
