package org.codecred;

import org.codecred.cli.CodeCred;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The monthly credentialing job. {@code java -jar target/codecred.jar --month=YYYY-MM}; see README. */
@SpringBootApplication
public class CodeCredApplication {

    public static void main(String[] args) {
        System.exit(CodeCred.run(args).code());
    }
}
