package org.codecred.credentials;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data in the NPPES dissemination layout: the full 330-column header of
 * {@code npidata_pfile_YYYYMMDD-YYYYMMDD.csv} in its published order, every value double-quoted.
 */
final class NppesFiles {

    static final List<String> HEADER = header();
    private static final Map<String, Integer> INDEX = index();

    private NppesFiles() {
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("NPI", "Entity Type Code", "Replacement NPI",
                "Employer Identification Number (EIN)", "Provider Organization Name (Legal Business Name)",
                "Provider Last Name (Legal Name)", "Provider First Name", "Provider Middle Name",
                "Provider Name Prefix Text", "Provider Name Suffix Text", "Provider Credential Text",
                "Provider Other Organization Name", "Provider Other Organization Name Type Code",
                "Provider Other Last Name", "Provider Other First Name", "Provider Other Middle Name",
                "Provider Other Name Prefix Text", "Provider Other Name Suffix Text", "Provider Other Credential Text",
                "Provider Other Last Name Type Code",
                "Provider First Line Business Mailing Address", "Provider Second Line Business Mailing Address",
                "Provider Business Mailing Address City Name", "Provider Business Mailing Address State Name",
                "Provider Business Mailing Address Postal Code",
                "Provider Business Mailing Address Country Code (If outside U.S.)",
                "Provider Business Mailing Address Telephone Number", "Provider Business Mailing Address Fax Number",
                "Provider First Line Business Practice Location Address",
                "Provider Second Line Business Practice Location Address",
                "Provider Business Practice Location Address City Name",
                "Provider Business Practice Location Address State Name",
                "Provider Business Practice Location Address Postal Code",
                "Provider Business Practice Location Address Country Code (If outside U.S.)",
                "Provider Business Practice Location Address Telephone Number",
                "Provider Business Practice Location Address Fax Number",
                "Provider Enumeration Date", "Last Update Date", "NPI Deactivation Reason Code",
                "NPI Deactivation Date", "NPI Reactivation Date", "Provider Sex Code",
                "Authorized Official Last Name", "Authorized Official First Name", "Authorized Official Middle Name",
                "Authorized Official Title or Position", "Authorized Official Telephone Number"));
        for (int n = 1; n <= 15; n++) {
            h.add("Healthcare Provider Taxonomy Code_" + n);
            h.add("Provider License Number_" + n);
            h.add("Provider License Number State Code_" + n);
            h.add("Healthcare Provider Primary Taxonomy Switch_" + n);
        }
        for (int n = 1; n <= 50; n++) {
            h.add("Other Provider Identifier_" + n);
            h.add("Other Provider Identifier Type Code_" + n);
            h.add("Other Provider Identifier State_" + n);
            h.add("Other Provider Identifier Issuer_" + n);
        }
        h.addAll(List.of("Is Sole Proprietor", "Is Organization Subpart", "Parent Organization LBN",
                "Parent Organization TIN", "Authorized Official Name Prefix Text", "Authorized Official Name Suffix Text",
                "Authorized Official Credential Text"));
        for (int n = 1; n <= 15; n++) {
            h.add("Healthcare Provider Taxonomy Group_" + n);
        }
        h.add("Certification Date");
        return Collections.unmodifiableList(h);
    }

    private static Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < HEADER.size(); i++) {
            index.put(HEADER.get(i), i);
        }
        return index;
    }

    static String headerLine() {
        return quoted(HEADER.toArray(String[]::new));
    }

    /** A data line: {@code values} maps published column names to values, every other column empty. */
    static String line(Map<String, String> values) {
        String[] fields = new String[HEADER.size()];
        java.util.Arrays.fill(fields, "");
        values.forEach((column, value) -> {
            Integer i = INDEX.get(column);
            if (i == null) {
                throw new IllegalArgumentException("not an NPPES column: " + column);
            }
            fields[i] = value;
        });
        return quoted(fields);
    }

    static String quoted(String[] fields) {
        StringBuilder line = new StringBuilder(fields.length * 4);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append('"').append(fields[i].replace("\"", "'")).append('"');
        }
        return line.toString();
    }

    /** An individual provider row with one taxonomy and one license. */
    static Map<String, String> individual(String npi, String last, String first, String taxonomy, String license, String state) {
        Map<String, String> row = new HashMap<>();
        row.put("NPI", npi);
        row.put("Entity Type Code", "1");
        row.put("Provider Last Name (Legal Name)", last);
        row.put("Provider First Name", first);
        row.put("Provider Enumeration Date", "05/23/2010");
        row.put("Last Update Date", "07/08/2024");
        row.put("Healthcare Provider Taxonomy Code_1", taxonomy);
        row.put("Provider License Number_1", license);
        row.put("Provider License Number State Code_1", state);
        row.put("Healthcare Provider Primary Taxonomy Switch_1", "Y");
        return row;
    }
}
