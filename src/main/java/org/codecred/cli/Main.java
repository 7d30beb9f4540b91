package org.codecred.cli;

import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.job.GracefulStop;
import org.codecred.scaleout.Worker;

/**
 * The command line: {@code java -jar target/codecred.jar --month=YYYY-MM} runs the monthly
 * credentialing job; {@code --worker --spring.artemis.broker-url=...} serves partitions of a
 * scaled-out run; {@code generate --month=... --providers=N --lines=N} writes a synthetic month.
 * It lives here, not beside {@code CodeCredApplication}, so that the root package depends on no
 * other package of CodeCred.
 */
public final class Main {

    private Main() {
    }

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
