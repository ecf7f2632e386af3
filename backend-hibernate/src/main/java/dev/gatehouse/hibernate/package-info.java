/**
 * Gatehouse on Hibernate ORM 7: {@link dev.gatehouse.hibernate.HibernateStore}, the store, built from a
 * {@link org.hibernate.SessionFactory}; {@link dev.gatehouse.hibernate.GatehouseSessionFactory}, which builds one for a
 * {@code DataSource}; and the entities an application may extend with its own columns
 * ({@link dev.gatehouse.hibernate.GatehouseUserBase}, {@link dev.gatehouse.hibernate.GatehouseGroupBase},
 * {@link dev.gatehouse.hibernate.GatehouseResourceBase}).
 */
@NullMarked
package dev.gatehouse.hibernate;

import org.jspecify.annotations.NullMarked;
