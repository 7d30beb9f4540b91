package org.codecred;

import org.codecred.cli.CodeCred;
import org.codecred.generate.SampleMonthGenerator;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The monthly credentialing job: {@code java -jar target/codecred.jar --month=YYYY-MM}; and the
 * synthetic-month generator: {@code java -jar target/codecred.jar generate --month=... --providers=N --lines=N}.
 */
@SpringBootApplication
public class CodeCredApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("generate")) {
            SampleMonthGenerator.main(args);
            return;
        }
        System.exit(CodeCred.run(args).code());
    }
}
