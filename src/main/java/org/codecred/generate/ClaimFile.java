package org.codecred.generate;

/** Where the generator writes claim lines: a claims CSV or an 837P file. */
interface ClaimFile extends AutoCloseable {

    void write(SampleMonthGenerator.Line line);

    @Override
    void close() throws java.io.IOException;
}
