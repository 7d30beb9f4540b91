package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.Names;
import org.codecred.sources.NppesRegistry;
import org.codecred.sources.RegistryRecord;
import org.codecred.sources.SourceFile;
import org.codecred.staging.ClaimLineTable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The NPPES registry against the roster. NPPES-MISMATCH, one finding per field that disagrees, its
 * subject naming the field: {@code registry} (NPI not found), {@code deactivation} (deactivated, not
 * reactivated, but no claim line of the month on or after the date), {@code name} (an individual's last
 * or first name, an organization's legal business name; ignoring case, accents and punctuation),
 * {@code taxonomy} (the roster's code is not among the registry's 15). NPI-DEACTIVATED (ERROR): claim
 * lines dated on or after the deactivation date, not reactivated (45 CFR 162.408). A deactivated row
 * carries no current data, so it adds no name, taxonomy or license mismatch. License numbers are
 * self-reported in NPPES: they compare on their digits and a difference is a WARN check row, no
 * finding. Without a registry file every registry check is NOT CHECKED.
 */
final class RegistryRule implements CredentialRule {

    static final String FOUND = "nppes-registry";
    static final String DEACTIVATION = "nppes-deactivation";
    static final String NAME = "nppes-name";
    static final String TAXONOMY = "nppes-taxonomy";
    static final String LICENSE = "nppes-license";
    private static final List<String> FIELD_CHECKS = List.of(DEACTIVATION, NAME, TAXONOMY, LICENSE);

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.registry(), sources.linesSinceDeactivation().get(p.npi()), results);
    }

    /** @param sinceDeactivation the provider's claim lines dated on or after its registry deactivation date, or null */
    static void check(Provider p, NppesRegistry registry, ClaimLineTable.NpiActivity sinceDeactivation, Results results) {
        if (registry.isEmpty()) {
            results.check(p.npi(), FOUND, CheckResult.NOT_CHECKED, "no NPPES file in nppes/: the registry was not checked",
                    "nppes/", null);
            FIELD_CHECKS.forEach(c -> results.check(p.npi(), c, CheckResult.NOT_CHECKED, "no NPPES file", "nppes/", null));
            return;
        }
        Optional<RegistryRecord> found = registry.find(p.npi());
        if (found.isEmpty()) {
            SourceFile last = registry.files().get(registry.files().size() - 1);
            String message = "NPI " + p.npi() + " is not in the NPPES registry file"
                    + (registry.files().size() > 1 ? "s " : " ") + String.join(", ",
                    registry.files().stream().map(SourceFile::toString).toList());
            results.finding(RuleId.NPPES_MISMATCH, p.npi(), "registry", message);
            results.check(p.npi(), FOUND, CheckResult.FAIL, message, last);
            FIELD_CHECKS.forEach(c -> results.check(p.npi(), c, CheckResult.NOT_CHECKED, "NPI not in the registry", last));
            return;
        }
        RegistryRecord r = found.get();
        SourceFile source = r.source();
        results.check(p.npi(), FOUND, CheckResult.PASS, "found: " + r.displayName() + " (" + r.where() + ")", source);

        if (r.isDeactivated()) {
            deactivated(p, r, sinceDeactivation, results);
            List.of(NAME, TAXONOMY, LICENSE).forEach(c -> results.check(p.npi(), c, CheckResult.NOT_CHECKED,
                    "NPI deactivated: the registry keeps no current data to compare", source));
            return;
        }
        if (!r.unreadableDeactivation().isEmpty()) {
            String message = "the registry's NPI Deactivation Date for NPI " + p.npi() + " is '" + r.unreadableDeactivation()
                    + "' (" + r.where() + "), which is no date: whether the NPI is deactivated cannot be told; look it up in NPPES";
            results.finding(RuleId.NPPES_MISMATCH, p.npi(), "deactivation", message);
            results.check(p.npi(), DEACTIVATION, CheckResult.FAIL, message, source);
        } else {
            results.check(p.npi(), DEACTIVATION, CheckResult.PASS, r.deactivationDate() == null ? "active"
                    : "deactivated " + r.deactivationDate() + ", reactivated " + r.reactivationDate(), source);
        }

        name(p, r, results);

        if (p.taxonomyCode() == null) {
            results.check(p.npi(), TAXONOMY, CheckResult.NOT_CHECKED, "the roster gives no taxonomy_code", source);
        } else if (r.taxonomies().contains(p.taxonomyCode().toUpperCase(Locale.ROOT))) {
            results.check(p.npi(), TAXONOMY, CheckResult.PASS, "taxonomy " + p.taxonomyCode() + " is among the registry's "
                    + String.join(", ", r.taxonomies()), source);
        } else {
            fail(p, "taxonomy", TAXONOMY, "roster taxonomy " + p.taxonomyCode() + " is not among the registry's "
                    + (r.taxonomies().isEmpty() ? "(none listed)" : String.join(", ", r.taxonomies()))
                    + " (" + r.where() + ")", source, results);
        }

        license(p, r, results);
    }

    private static void deactivated(Provider p, RegistryRecord r, ClaimLineTable.NpiActivity since, Results results) {
        String deactivation = "the registry shows NPI " + p.npi() + " deactivated on " + r.deactivationDate()
                + (r.deactivationReason().isEmpty() ? "" : " (reason code " + r.deactivationReason() + ")")
                + " and not reactivated (" + r.where() + ")";
        if (since != null && since.lines() > 0) {
            String dates = since.firstDate().equals(since.lastDate()) ? "on " + since.firstDate()
                    : "from " + since.firstDate() + " to " + since.lastDate();
            String message = since.lines() + " claim line(s) dated " + dates + " are billed on NPI " + p.npi()
                    + " after its deactivation: " + deactivation;
            results.finding(RuleId.NPI_DEACTIVATED, p.npi(), r.deactivationDate().toString(), message);
            results.check(p.npi(), DEACTIVATION, CheckResult.FAIL, message, r.source());
            return;
        }
        String message = deactivation + "; no claim line of the month is dated on or after it";
        results.finding(RuleId.NPPES_MISMATCH, p.npi(), "deactivation", message);
        results.check(p.npi(), DEACTIVATION, CheckResult.FAIL, message, r.source());
    }

    /** An organization (Entity Type Code 2) by its legal business name, an individual by last and first name. */
    private static void name(Provider p, RegistryRecord r, Results results) {
        SourceFile source = r.source();
        boolean same;
        if (r.isOrganization()) {
            String roster = Names.key(p.lastName() + " " + p.firstName());
            same = Names.key(r.organizationName()).equals(roster) || Names.same(r.organizationName(), p.lastName());
        } else {
            boolean sameLast = Names.same(p.lastName(), r.lastName());
            boolean sameFirst = p.firstName().isEmpty() || Names.same(p.firstName(), r.firstName());
            same = sameLast && sameFirst;
        }
        if (same) {
            results.check(p.npi(), NAME, CheckResult.PASS, "registry name " + r.displayName() + " matches the roster's "
                    + p.displayName(), source);
        } else {
            fail(p, "name", NAME, "the registry names NPI " + p.npi() + " '" + r.displayName() + "', the roster '"
                    + p.displayName() + "' (" + r.where() + ")", source, results);
        }
    }

    private static void license(Provider p, RegistryRecord r, Results results) {
        SourceFile source = r.source();
        if (p.licenseNumber() == null) {
            results.check(p.npi(), LICENSE, CheckResult.NOT_CHECKED, "the roster gives no license_number", source);
            return;
        }
        List<String> comparable = r.licenseNumbers().stream().filter(n -> !licenseKey(n).isEmpty()).toList();
        if (comparable.isEmpty()) {
            results.check(p.npi(), LICENSE, CheckResult.WARN, "the registry lists no readable license number for NPI "
                    + p.npi() + " (" + r.where() + "): the roster's " + p.licenseNumber() + " cannot be compared", source);
            return;
        }
        String key = licenseKey(p.licenseNumber());
        if (!key.isEmpty() && comparable.stream().anyMatch(n -> licenseKey(n).equals(key))) {
            results.check(p.npi(), LICENSE, CheckResult.PASS, "license " + p.licenseNumber() + " is among the registry's "
                    + String.join(", ", r.licenses()) + " (compared on their digits)", source);
        } else {
            // self-reported in NPPES: a difference is worth a look, not a finding
            results.check(p.npi(), LICENSE, CheckResult.WARN, "roster license " + p.licenseNumber()
                    + (p.licenseState() == null ? "" : " (" + p.licenseState() + ")") + " is not among the registry's "
                    + String.join(", ", r.licenses()) + " (compared on their digits; NPPES license numbers are"
                    + " self-reported: verify with the state board) (" + r.where() + ")", source);
        }
    }

    /**
     * License numbers compare on their digits: {@code LCSW-12345}, {@code 12345} and {@code lcsw 123 45}
     * are the same number (NPPES entries add or drop the license type and punctuation). A number
     * without digits compares on its letters.
     */
    static String licenseKey(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        if (!digits.isEmpty()) {
            return digits.replaceFirst("^0+(?=.)", "");
        }
        return number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    private static void fail(Provider p, String subject, String check, String message, SourceFile source, Results results) {
        results.finding(RuleId.NPPES_MISMATCH, p.npi(), subject, message);
        results.check(p.npi(), check, CheckResult.FAIL, message, source);
    }
}
