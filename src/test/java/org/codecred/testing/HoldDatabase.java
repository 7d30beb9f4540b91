package org.codecred.testing;

import java.sql.Connection;
import java.sql.DriverManager;

/** Child-process main: opens a CodeCred file database and holds it until its standard input closes. */
public final class HoldDatabase {

    public static void main(String[] args) throws Exception {
        try (Connection ignored = DriverManager.getConnection("jdbc:hsqldb:file:" + args[0] + ";shutdown=true", "SA", "")) {
            System.out.println("holding " + args[0]);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
