package org.codecred.domain;

/** How much a finding matters: ERROR is a billing or credential problem, WARNING needs review, INFO is for the record. */
public enum Severity {
    ERROR, WARNING, INFO
}
