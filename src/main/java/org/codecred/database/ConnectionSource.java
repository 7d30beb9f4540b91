package org.codecred.database;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection that a month lock keeps for the whole run (outside the job's connection pool). */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
