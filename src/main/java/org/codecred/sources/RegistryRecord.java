package org.codecred.sources;

import java.time.LocalDate;
import java.util.List;

/**
 * What the NPPES registry says about one NPI (the fields CodeCred compares).
 *
 * @param entityType     1 individual, 2 organization ("" when not given)
 * @param taxonomies     the non-empty {@code Healthcare Provider Taxonomy Code_1..15}
 * @param licenses       the non-empty {@code Provider License Number_1..15} with their state, e.g. {@code LCSW12345 (TX)}
 * @param licenseNumbers the license numbers alone, in the same order
 * @param otherLastName  {@code Provider Other Last Name}: a former or other last name ("" when none)
 * @param practiceState  the practice location's state code; {@code practiceZip} its first five postal digits
 * @param line           the physical line in {@code source}
 */
public record RegistryRecord(String npi, String entityType, String lastName, String firstName,
                             String organizationName, LocalDate deactivationDate, String deactivationReason,
                             LocalDate reactivationDate, List<String> taxonomies, List<String> licenseNumbers,
                             List<String> licenses, String otherLastName, String practiceState, String practiceZip,
                             SourceFile source, long line, String unreadableDeactivation) {

    public RegistryRecord {
        taxonomies = List.copyOf(taxonomies);
        licenseNumbers = List.copyOf(licenseNumbers);
        licenses = List.copyOf(licenses);
    }

    /** Entity Type Code 2: an organization, named in {@code Provider Organization Name (Legal Business Name)}. */
    public boolean isOrganization() {
        return "2".equals(entityType);
    }

    /** Deactivated and not reactivated on or after the deactivation date. */
    public boolean isDeactivated() {
        return deactivationDate != null && (reactivationDate == null || reactivationDate.isBefore(deactivationDate));
    }

    public String displayName() {
        if ("2".equals(entityType) || (lastName.isEmpty() && !organizationName.isEmpty())) {
            return organizationName + " (organization)";
        }
        return firstName.isEmpty() ? lastName : lastName + ", " + firstName;
    }

    /** Where an auditor finds the row. */
    public String where() {
        return source.name() + " line " + line;
    }
}
