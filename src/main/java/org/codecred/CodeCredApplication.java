package org.codecred;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring configuration of a run and of a worker: it sits in the root package so that component
 * scanning reaches every package below it, and depends on none of them. The command line starts in
 * {@code cli.Main}.
 */
@SpringBootApplication
public class CodeCredApplication {
}
