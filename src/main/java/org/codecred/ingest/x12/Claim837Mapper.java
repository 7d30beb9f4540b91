package org.codecred.ingest.x12;

import org.codecred.ingest.ClaimFields;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the loops of 837P (005010X222A1) transaction sets segment by segment and maps every
 * service line (loop 2400) to the claim columns of the contract. Plain Java: the reader feeds it
 * segments in file order, it hands back items when a transaction set ends.
 *
 * <p>Loops are told apart the way the implementation guide defines them: HL03 20 (2000A billing
 * provider), 22 (2000B subscriber), 23 (2000C patient); CLM opens 2300, LX opens 2400; an SBR inside
 * a claim opens 2320 (other payer), whose names are not this claim's. A transaction set with a
 * structural problem is rejected whole; a service line lacking an element the guide requires is
 * rejected alone.
 */
final class Claim837Mapper {

    /** Diagnosis qualifiers of the HI segment: ICD-10-CM principal / other, and ICD-9-CM as older files and the guide's examples use. */
    /** The 837P guide's repeat of loop 2400: at most 50 service lines per claim. */
    static final int MAX_LINES_PER_CLAIM = 50;
    private static final Set<String> DIAGNOSIS_QUALIFIERS = Set.of("ABK", "ABF", "BK", "BF");
    /** Segments whose text may be shown in rejected.csv: none of them carries a member's name, id, address or birth date. */
    private static final Set<String> SHOWN_SEGMENTS = Set.of("ISA", "GS", "ST", "BHT", "HL", "CLM", "HI", "LX",
            "SV1", "DTP", "SE", "GE", "IEA");

    private final String file;
    private final Collection<X12Item> out;

    // the open transaction set
    private boolean inTransaction;
    private Segment st;
    private String version;
    private String problem;
    private long problemSegment;
    private Segment problemAt;
    private final List<X12Item> pending = new ArrayList<>();
    private final Map<String, Level> levels = new HashMap<>();
    private Level level;
    private String nameEntity;
    private Claim claim;
    private Line line;

    /** One HL loop: billing provider (20), subscriber (22) or patient (23). */
    private static final class Level {
        final String id;
        final String code;
        final Level parent;
        String billingNpi;
        String subscriberId;
        String birthDate;

        Level(String id, String code, Level parent) {
            this.id = id;
            this.code = code;
            this.parent = parent;
        }
    }

    private static final class Claim {
        final Segment clm;
        final Level level;
        final List<String> diagnoses = new ArrayList<>();
        String renderingNpi;
        Segment date;
        boolean otherPayer;
        int lines;
        final Set<String> lineNumbers = new java.util.HashSet<>();
        /** REF*F8 in loop 2300: the payer's control number of the claim a replacement or void adjusts. */
        boolean payerClaimControlNumber;

        Claim(Segment clm, Level level) {
            this.clm = clm;
            this.level = level;
        }
    }

    private static final class Line {
        final Segment lx;
        Segment sv1;
        Segment date;
        String renderingNpi;
        /** Why the line breaks a limit of its claim (too many lines, a repeated LX number); null when it does not. */
        String overLimit;
        final List<Segment> segments = new ArrayList<>(4);

        String raw() {
            StringBuilder text = new StringBuilder();
            for (Segment s : segments) {
                text.append(s.text());
            }
            return text.toString();
        }

        Line(Segment lx) {
            this.lx = lx;
        }
    }

    /** @param out where finished items go, in file order */
    Claim837Mapper(String file, Collection<X12Item> out) {
        this.file = file;
        this.out = out;
    }

    /** The functional group's version (GS08), used when ST03 is absent. */
    void groupVersion(String gs08) {
        this.version = gs08;
    }

    boolean inTransaction() {
        return inTransaction;
    }

    /** A problem StAEDI found inside the open transaction set (syntax, control count or number): the set is rejected. */
    void problem(long segment, String reason, Segment at) {
        if (problem == null) {
            problem = reason;
            problemSegment = segment;
            problemAt = at;
        }
    }

    void segment(Segment s) {
        switch (s.tag) {
            case "ST" -> {
                if (inTransaction) {
                    structure(s, "a new ST starts before SE closes transaction set " + st.element(2));
                } else {
                    startTransaction(s);
                }
            }
            case "SE" -> {
                // the set ends in endTransaction, when StAEDI has checked SE
            }
            case "HL" -> hierarchicalLevel(s);
            case "NM1" -> name(s);
            case "DMG" -> demographics(s);
            case "CLM" -> claim(s);
            case "SBR" -> {
                if (claim != null) {
                    closeLine();
                    claim.otherPayer = true;
                }
            }
            case "HI" -> diagnoses(s);
            case "REF" -> {
                if (claim != null && line == null && !claim.otherPayer && s.element(1).equals("F8")
                        && !s.element(2).isEmpty()) {
                    claim.payerClaimControlNumber = true;
                }
            }
            case "LX" -> serviceLine(s);
            case "SV1" -> {
                if (line == null) {
                    structure(s, "SV1 outside a service line: no LX opens loop 2400 before it");
                } else if (line.sv1 == null) {
                    line.sv1 = s;
                    line.segments.add(s);
                }
            }
            case "DTP" -> {
                if (s.element(1).equals("472")) {
                    if (line != null) {
                        line.date = s;
                        line.segments.add(s);
                    } else if (claim != null && !claim.otherPayer) {
                        claim.date = s;
                    }
                }
            }
            default -> {
                // segments the claim mapping does not read (PER, N3, N4, PAT, NTE, LIN, …)
            }
        }
    }

    private void startTransaction(Segment s) {
        inTransaction = true;
        st = s;
        problem = null;
        problemAt = null;
        pending.clear();
        levels.clear();
        level = null;
        nameEntity = null;
        claim = null;
        line = null;
        String type = s.element(1);
        String guide = s.element(3).isEmpty() ? version : s.element(3);
        if (!type.equals("837")) {
            structure(s, "transaction set " + type + " is not a claim (837)");
        } else if (guide == null || !guide.startsWith("005010X222")) {
            structure(s, "837 of version '" + (guide == null ? "" : guide)
                    + "' is not a professional claim of the 005010X222 guide (institutional and dental claims are not read)");
        }
    }

    private void hierarchicalLevel(Segment s) {
        closeClaim();
        nameEntity = null;
        String id = s.element(1);
        String code = s.element(3);
        Level parent = s.element(2).isEmpty() ? null : levels.get(s.element(2));
        if (id.isEmpty() || levels.containsKey(id)) {
            structure(s, "HL01 '" + id + "' is missing or not unique in the transaction set");
            return;
        }
        switch (code) {
            case "20" -> {
            }
            case "22" -> {
                if (parent == null || !parent.code.equals("20")) {
                    structure(s, "subscriber HL (22) whose HL02 names no billing provider HL (20)");
                    return;
                }
            }
            case "23" -> {
                if (parent == null || !parent.code.equals("22")) {
                    structure(s, "patient HL (23) whose HL02 names no subscriber HL (22)");
                    return;
                }
            }
            default -> {
                structure(s, "HL03 '" + code + "' is not a level of a professional claim (20, 22 or 23)");
                return;
            }
        }
        level = new Level(id, code, parent);
        levels.put(id, level);
    }

    private void name(Segment s) {
        String entity = s.element(1);
        String npi = s.element(8).equals("XX") ? s.element(9) : "";
        if (claim != null) {
            if (claim.otherPayer) {
                return; // 2330x: the other payer's view of the providers, not this claim's
            }
            if (entity.equals("82") && !npi.isEmpty()) {
                if (line != null) {
                    line.renderingNpi = npi;
                    line.segments.add(s);
                } else {
                    claim.renderingNpi = npi;
                }
            }
            return;
        }
        nameEntity = entity;
        if (level == null) {
            return; // 1000A submitter, 1000B receiver
        }
        switch (entity) {
            case "85" -> {
                if (level.code.equals("20")) {
                    level.billingNpi = npi;
                }
            }
            case "IL" -> {
                if (level.code.equals("22")) {
                    level.subscriberId = s.element(9);
                }
            }
            default -> {
            }
        }
    }

    private void demographics(Segment s) {
        if (claim != null || level == null || !s.element(1).equals("D8")) {
            return;
        }
        if (("IL".equals(nameEntity) && level.code.equals("22")) || ("QC".equals(nameEntity) && level.code.equals("23"))) {
            level.birthDate = s.element(2);
        }
    }

    private void claim(Segment s) {
        closeClaim();
        if (level == null || level.code.equals("20")) {
            structure(s, "CLM outside a subscriber (2000B) or patient (2000C) loop");
            return;
        }
        claim = new Claim(s, level);
    }

    private void diagnoses(Segment s) {
        if (claim == null || line != null || claim.otherPayer) {
            return;
        }
        for (int e = 1; e <= s.elementCount(); e++) {
            if (DIAGNOSIS_QUALIFIERS.contains(s.component(e, 1))) {
                claim.diagnoses.add(s.component(e, 2));
            }
        }
    }

    private void serviceLine(Segment s) {
        closeLine();
        if (claim == null) {
            structure(s, "LX outside a claim: no CLM opens loop 2300 before it");
            return;
        }
        claim.otherPayer = false;
        line = new Line(s);
        line.segments.add(s);
        claim.lines++;
        if (claim.lines > MAX_LINES_PER_CLAIM) {
            line.overLimit = "LX*" + s.element(1) + ": claim '" + claim.clm.element(1) + "' already has "
                    + MAX_LINES_PER_CLAIM + " service lines, the most the 837P guide allows (loop 2400); this line is not loaded";
        } else if (!claim.lineNumbers.add(s.element(1))) {
            line.overLimit = "LX01 '" + s.element(1) + "' repeats a line number of claim '" + claim.clm.element(1)
                    + "' (each service line of a claim has its own number); this line is not loaded";
        }
    }

    /** Called at the end of the set (SE seen and checked): its lines, or one reject for the whole set. */
    void endTransaction(long seSegment) {
        closeClaim();
        if (!inTransaction) {
            return;
        }
        inTransaction = false;
        if (problem == null) {
            out.addAll(pending);
        } else {
            long lines = pending.stream().filter(i -> i instanceof X12Item.ServiceLine).count();
            out.add(new X12Item.Unreadable(file, problemSegment, "transaction set " + st.element(2) + " (segments "
                    + st.number + "-" + seSegment + ") cannot be read: " + problem + "; its " + lines
                    + " service line(s) are not loaded", shown(problemAt)));
        }
        pending.clear();
    }

    /**
     * The reader cannot go on inside this interchange (StAEDI stopped at a segment it cannot
     * tokenize): the open transaction set, if any, is rejected with {@code reason}; otherwise the
     * reason alone is reported.
     */
    void abandon(long segment, String reason) {
        if (inTransaction) {
            problem = null;
            problem(segment, reason, null);
            endTransaction(segment);
        } else {
            out.add(new X12Item.Unreadable(file, segment, reason, ""));
        }
        claim = null;
        line = null;
    }

    /** The text of a segment for rejected.csv, or only its tag when it may hold patient data. */
    static String shown(Segment s) {
        if (s == null) {
            return "";
        }
        return SHOWN_SEGMENTS.contains(s.tag) ? s.text() : s.tag + " segment (not shown: it may hold patient data)";
    }

    private void structure(Segment s, String reason) {
        problem(s.number, reason + " (segment " + s.number + ")", s);
    }

    private void closeClaim() {
        closeLine();
        claim = null;
    }

    private void closeLine() {
        if (line != null) {
            pending.add(map(claim, line));
            line = null;
        }
    }

    /** One service line to the claim columns, or a reject naming the missing element the guide requires. */
    private X12Item map(Claim c, Line l) {
        Segment sv1 = l.sv1;
        long at = sv1 != null ? sv1.number : l.lx.number;
        if (l.overLimit != null) {
            return reject(l.lx.number, l.overLimit, l.raw());
        }
        if (sv1 == null) {
            return reject(at, "service line LX*" + l.lx.element(1) + " has no SV1 segment", l.raw());
        }
        String qualifier = sv1.component(1, 1);
        if (!qualifier.equals("HC")) {
            return reject(at, qualifier.isEmpty() ? "SV101-1: required product/service id qualifier is missing"
                    : "SV101-1: qualifier '" + qualifier + "' is not HC (HCPCS/CPT)", l.raw());
        }
        if (sv1.component(1, 2).isEmpty()) {
            return reject(at, "SV101-2: required procedure code is missing", l.raw());
        }
        if (sv1.element(2).isEmpty()) {
            return reject(at, "SV102: required line charge is missing", l.raw());
        }
        if (sv1.element(3).isEmpty()) {
            return reject(at, "SV103: required unit basis (UN or MJ) is missing", l.raw());
        }
        if (sv1.element(4).isEmpty()) {
            return reject(at, "SV104: required service unit count is missing", l.raw());
        }
        if (sv1.component(7, 1).isEmpty()) {
            return reject(at, "SV107-1: required diagnosis code pointer is missing", l.raw());
        }
        List<String> diagnoses = new ArrayList<>(4);
        for (int p = 1; p <= Math.max(1, sv1.componentCount(7)); p++) {
            String pointer = sv1.component(7, p);
            if (pointer.isEmpty()) {
                continue;
            }
            int index;
            try {
                index = Integer.parseInt(pointer);
            } catch (NumberFormatException e) {
                return reject(at, "SV107-" + p + ": diagnosis pointer '" + pointer + "' is not a number", l.raw());
            }
            if (index < 1 || index > c.diagnoses.size()) {
                return reject(at, "SV107-" + p + ": diagnosis pointer " + index + " points to no code (the claim's HI has "
                        + c.diagnoses.size() + ")", l.raw());
            }
            diagnoses.add(c.diagnoses.get(index - 1));
        }
        String frequency = c.clm.component(5, 3);
        if ((frequency.equals("7") || frequency.equals("8")) && !c.payerClaimControlNumber) {
            // §11.2: a replacement or void names the claim it adjusts by the payer's control number
            return reject(at, "CLM05-3: frequency " + frequency + (frequency.equals("7") ? " (replacement)" : " (void)")
                    + " without REF*F8 (the payer's claim control number of the claim it adjusts) in loop 2300", l.raw());
        }
        Segment dateSegment = l.date != null ? l.date : c.date;
        if (dateSegment == null) {
            return reject(at, "DTP*472: no service date on the line (loop 2400) or the claim", l.raw());
        }
        String serviceDate = d8(dateSegment.element(3));
        Level member = c.level;
        Level subscriber = member.code.equals("23") ? member.parent : member;
        Level billing = subscriber.parent;
        if (subscriber.subscriberId == null || subscriber.subscriberId.isEmpty()) {
            return reject(at, "NM109: the subscriber (2010BA NM1*IL) has no member id", l.raw());
        }
        String memberId = subscriber.subscriberId;
        if (member.code.equals("23")) {
            if (member.birthDate == null || member.birthDate.isEmpty()) {
                return reject(at, "DMG02: the patient (2010CA) has no birth date, so the dependent cannot be told apart", l.raw());
            }
            // two dependents on one policy share the subscriber's id: the birth date tells them apart
            memberId = memberId + "/" + member.birthDate;
        }
        String billingNpi = billing.billingNpi == null ? "" : billing.billingNpi;
        String rendering = l.renderingNpi != null ? l.renderingNpi : c.renderingNpi != null ? c.renderingNpi : billingNpi;
        List<String> modifiers = new ArrayList<>(4);
        for (int m = 3; m <= 6; m++) {
            if (!sv1.component(1, m).isEmpty()) {
                modifiers.add(sv1.component(1, m));
            }
        }
        String pos = !sv1.element(5).isEmpty() ? sv1.element(5) : c.clm.component(5, 1);
        // minutes are not carried by an 837 (null)
        ClaimFields fields = new ClaimFields(c.clm.element(1), l.lx.element(1), rendering, billingNpi, memberId,
                d8(member.birthDate == null ? "" : member.birthDate), serviceDate, sv1.component(1, 2),
                String.join(";", modifiers), wholeIfIntegral(sv1.element(4)), null, String.join(";", diagnoses), pos,
                sv1.element(2), frequency);
        return new X12Item.ServiceLine(file, at, fields, l::raw);
    }

    private X12Item reject(long segment, String reason, String raw) {
        return new X12Item.Unreadable(file, segment, reason + " (segment " + segment + ")", raw);
    }

    /** CCYYMMDD (or the first date of a CCYYMMDD-CCYYMMDD range) as ISO; anything else as written, for the parser to reject by name. */
    static String d8(String value) {
        if (value.length() >= 8 && value.substring(0, 8).chars().allMatch(Character::isDigit)
                && (value.length() == 8 || value.charAt(8) == '-')) {
            return value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6, 8);
        }
        return value;
    }

    /** X12 quantities are decimals ("1", "2.0"); a whole quantity is written as one. */
    static String wholeIfIntegral(String quantity) {
        int dot = quantity.indexOf('.');
        if (dot > 0 && quantity.substring(dot + 1).chars().allMatch(ch -> ch == '0')) {
            return quantity.substring(0, dot);
        }
        return quantity;
    }
}
