/**
 * History: what every completed month decided, kept in the database so that a month is compared
 * with the one before it (findings NEW or REPEAT, previous verdict, what became HOLD), so a dossier
 * shows a provider's last twelve months, and so cross-month rules (DIAG-EVAL-REPEATED) can look back.
 *
 * <p>One owner class per table (its DDL, its SQL, its records); {@link HistoryRecorder} writes a
 * month's rows in the job's last step, in one transaction that first deletes the month's rows, so
 * a restart or a {@code --force} never doubles them; {@link MonthHistory} is what the outputs read.
 * Member ids never enter history: a diagnostic evaluation keeps only {@link MemberKey}'s keyed hash.
 *
 * <p>History columns are called {@code history_month}, not {@code month}: prepareMonth clears every
 * staging table with a {@code month} column, and history must outlive the staging of a forced rerun
 * until the rerun completes and replaces it.
 */
package org.codecred.history;
