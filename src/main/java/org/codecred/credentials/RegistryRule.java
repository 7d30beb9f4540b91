package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * NPPES-MISMATCH: the NPPES registry disagrees with the roster. One finding per field that
 * disagrees, its subject naming the field: {@code registry} (NPI not found), {@code deactivation}
 * (deactivated, not reactivated), {@code name} (last or first name differs, ignoring case, accents
 * and spaces), {@code taxonomy} (the roster's code is not among the registry's 15),
 * {@code license_number} (the roster's number is not among the registry's 15). Without a registry
 * file every registry check is NOT CHECKED.
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
        check(p, sources.registry(), results);
    }

    static void check(Provider p, NppesRegistry registry, Results results) {
        if (registry.isEmpty()) {
            results.check(p.npi(), FOUND, CheckResult.NOT_CHECKED, "no NPPES file in nppes/: the registry was not checked",
                    "nppes/", null);
            FIELD_CHECKS.forEach(c -> results.check(p.npi(), c, CheckResult.NOT_CHECKED, "no NPPES file", "nppes/", null));
            return;
        }
        Optional<RegistryRecord> found = registry.find(p.npi());
        if (found.isEmpty()) {
            Source last = registry.sources().get(registry.sources().size() - 1);
            String message = "NPI " + p.npi() + " is not in the NPPES registry file"
                    + (registry.sources().size() > 1 ? "s " : " ") + String.join(", ",
                    registry.sources().stream().map(Source::toString).toList());
            results.finding(RuleId.NPPES_MISMATCH, p.npi(), "registry", message);
            results.check(p.npi(), FOUND, CheckResult.FAIL, message, last);
            FIELD_CHECKS.forEach(c -> results.check(p.npi(), c, CheckResult.NOT_CHECKED, "NPI not in the registry", last));
            return;
        }
        RegistryRecord r = found.get();
        Source source = r.source();
        results.check(p.npi(), FOUND, CheckResult.PASS, "found: " + r.displayName() + " (" + r.where() + ")", source);

        if (r.isDeactivated()) {
            fail(p, "deactivation", DEACTIVATION, "the registry shows NPI " + p.npi() + " deactivated on " + r.deactivationDate()
                    + (r.deactivationReason().isEmpty() ? "" : " (reason code " + r.deactivationReason() + ")")
                    + " and not reactivated (" + r.where() + ")", source, results);
        } else {
            results.check(p.npi(), DEACTIVATION, CheckResult.PASS, r.deactivationDate() == null ? "active"
                    : "deactivated " + r.deactivationDate() + ", reactivated " + r.reactivationDate(), source);
        }

        boolean sameLast = Names.same(p.lastName(), r.lastName());
        boolean sameFirst = p.firstName().isEmpty() || Names.same(p.firstName(), r.firstName());
        if (sameLast && sameFirst) {
            results.check(p.npi(), NAME, CheckResult.PASS, "registry name " + r.displayName() + " matches the roster's "
                    + p.displayName(), source);
        } else {
            fail(p, "name", NAME, "the registry names NPI " + p.npi() + " '" + r.displayName() + "', the roster '"
                    + p.displayName() + "' (" + r.where() + ")", source, results);
        }

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

    private static void license(Provider p, RegistryRecord r, Results results) {
        Source source = r.source();
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
        if (comparable.stream().anyMatch(n -> licenseKey(n).equals(key))) {
            results.check(p.npi(), LICENSE, CheckResult.PASS, "license " + p.licenseNumber() + " is among the registry's "
                    + String.join(", ", r.licenses()), source);
        } else {
            fail(p, "license_number", LICENSE, "roster license " + p.licenseNumber()
                    + (p.licenseState() == null ? "" : " (" + p.licenseState() + ")") + " is not among the registry's "
                    + String.join(", ", r.licenses()) + " (" + r.where() + ")", source, results);
        }
    }

    /** License numbers compare on letters and digits only, upper-case: {@code lcsw-123 45} = {@code LCSW12345}. */
    static String licenseKey(String number) {
        return number.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    }

    private static void fail(Provider p, String subject, String check, String message, Source source, Results results) {
        results.finding(RuleId.NPPES_MISMATCH, p.npi(), subject, message);
        results.check(p.npi(), check, CheckResult.FAIL, message, source);
    }
}
