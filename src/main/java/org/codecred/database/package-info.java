/**
 * One place per database: {@link org.codecred.database.Dialect} decides, from the JDBC URL alone, what
 * differs between HSQLDB (the embedded default), PostgreSQL (a shared server) and any other JDBC
 * database: where the database lives, the running-month guard ({@link org.codecred.database.MonthLock},
 * {@link org.codecred.database.RunLock} for an embedded file), session locks, COPY or batched INSERTs,
 * the automatic checkpoint, bounded deletes and the DDL variants of the schema's migrations. This
 * package depends on no other package of CodeCred.
 */
package org.codecred.database;
