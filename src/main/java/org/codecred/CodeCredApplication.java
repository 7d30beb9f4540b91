package org.codecred;

import org.codecred.cli.CodeCred;
import org.codecred.job.GracefulStop;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.scaleout.Worker;
import org.codecred.job.ExitCode;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The monthly credentialing job: {@code java -jar target/codecred.jar --month=YYYY-MM}; and the
 * worker of a scaled-out run: {@code java -jar target/codecred.jar --worker --spring.artemis.broker-url=...}; the
 * synthetic-month generator: {@code java -jar target/codecred.jar generate --month=... --providers=N --lines=N}.
 */
@SpringBootApplication
public class CodeCredApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("generate")) {
            SampleMonthGenerator.main(args);
            return;
        }
        if (Worker.requested(args)) {
            ExitCode failed = Worker.start(System.err, args);
            if (failed != null) {
                System.exit(failed.code());
            }
            return; // serves partitions until stopped
        }
        GracefulStop.install();
        ExitCode code = CodeCred.run(args);
        GracefulStop.runEnded(code);
        System.exit(code.code());
    }
}
