/**
 * The vocabulary every step shares: claim lines, providers, findings, rule ids, verdicts.
 * Plain records, no Spring.
 */
package org.codecred.domain;
