package org.codecred.coding;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.CODE_UNKNOWN;

class CodeUnknownRuleTest {

    @Test
    void codeThatNeverExistedFires() {
        var findings = of(CODE_UNKNOWN, check(line("90835").minutes(40)));
        assertThat(findings).singleElement().satisfies(f ->
                assertThat(f.message()).isEqualTo("90835 is not a procedure code in the code set on 2026-10-05"));
    }

    @Test
    void codeDeletedIn2013FiresAfterButNotBefore() {
        assertThat(of(CODE_UNKNOWN, check(line("90806").minutes(45)))).singleElement().satisfies(f ->
                assertThat(f.message()).contains("deleted: in force until 2012-12-31"));
        assertThat(of(CODE_UNKNOWN, check(line("90806").date(LocalDate.of(2012, 12, 31))))).isEmpty();
        assertThat(of(CODE_UNKNOWN, check(line("90862").date(LocalDate.of(2013, 1, 1))))).hasSize(1);
    }

    @Test
    void effectiveDatesDecideForReplacedCodes() {
        assertThat(of(CODE_UNKNOWN, check(line("99201").date(LocalDate.of(2020, 12, 31))))).isEmpty();
        assertThat(of(CODE_UNKNOWN, check(line("99201").date(LocalDate.of(2021, 1, 1))))).hasSize(1);
        assertThat(of(CODE_UNKNOWN, check(line("96101").date(LocalDate.of(2019, 1, 1))))).hasSize(1);
        assertThat(of(CODE_UNKNOWN, check(line("96130").date(LocalDate.of(2018, 12, 31))))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not yet in force: from 2019-01-01"));
        assertThat(of(CODE_UNKNOWN, check(line("96152").date(LocalDate.of(2020, 1, 1))))).hasSize(1);
    }

    @Test
    void currentCodesDoNotFire() {
        assertThat(of(CODE_UNKNOWN, check(line("90834").minutes(45), line("99214"), line("96130"), line("96158")))).isEmpty();
    }
}
