package org.codecred.dossier;

/**
 * One sheet of the month's summary workbook. It reads the {@link SummaryMonth} (what {@link
 * DossierLoader} gathers for the month) and writes its rows through a {@link SheetWriter}. {@link
 * SummaryWorkbook#SHEETS} puts the sheets in the contract's order: a new sheet is one class and
 * one line there.
 */
interface MonthSheet extends WorkbookSheet {

    void write(SheetWriter sheet, SummaryMonth month);
}
