package org.codecred.history;

/** Whether a finding is new this month or the same rule fired for the provider in the previous completed month. */
public enum FindingStatus {
    NEW, REPEAT
}
