package org.codecred.generate;

import org.codecred.credentials.NpiCheckDigit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a synthetic month of input — roster, two claim files, an OIG exclusion list and an NPPES
 * registry extract — from a seed, so that the sample, the tests and the benchmark make their own
 * data and nothing real ever enters the project. The same arguments always give the same bytes.
 *
 * <p>Most providers practice cleanly and as they claim; a fixed set of planted providers and lines
 * (see {@link PlantedCases}) carries one case of every rule of the contract's catalog, each next to
 * a clean look-alike, plus unreadable rows for rejected.csv.
 *
 * <pre>java -jar target/codecred.jar generate --month=2026-10 --providers=60 --lines=6000 --seed=42 --input=input</pre>
 */
public final class SampleMonthGenerator {

    static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    /** Claim file 1: BOM, CRLF, ISO dates, the contract's column order. */
    static final String[] CLAIMS_1_HEADER = {"claim_id", "line_no", "rendering_npi", "billing_npi", "member_id",
            "member_dob", "service_date", "procedure_code", "modifiers", "units", "minutes", "diagnosis_codes",
            "place_of_service", "charge"};
    /** Claim file 2: another system's export: other column order and case, US dates, LF. */
    static final String[] CLAIMS_2_HEADER = {"SERVICE_DATE", "Rendering_NPI", "Claim_ID", "Line_No", "Procedure_Code",
            "Modifiers", "Units", "Minutes", "Diagnosis_Codes", "Place_Of_Service", "Member_ID", "Member_DOB",
            "Billing_NPI", "Charge"};

    final YearMonth month;
    final int providerCount;
    final long lineTarget;
    final SplittableRandom random;
    final Path monthDir;

    /**
     * The last month of the sequence being written (this month when writing one month): planted dates
     * that must tell a story across months (an exclusion that starts, a license that runs out) are
     * fixed relative to it, so earlier months show the state before.
     */
    final YearMonth latest;
    /** Provider|member pairs evaluated (90791/90792) in later months of the sequence: not evaluated again here. */
    final Set<String> evaluatedLater;
    /** Provider|member pairs this month evaluated. */
    final Set<String> evaluatedHere = new HashSet<>();

    final List<Practice> practices = new ArrayList<>();
    final Format format;
    final ClaimFile claims1;
    final ClaimFile claims2;
    /** The 837 file of a {@link Format#MIXED} month; null otherwise. */
    final Claim837Writer x12;
    /** False for a network of ordinary providers only (the false-alarm measurement): no planted case at all. */
    boolean plantedCases = true;
    /** Regular counselors and social workers turned into true peer outliers (90837 on most sessions). */
    int peerOutliers;
    /**
     * Ordinary practices as varied as a real network's (the false-alarm measurement): part-timers and
     * full-timers, clinicians whose practice bills 45-minute sessions almost only, group therapists.
     * Drawn from a stream of its own, so the sample months never change.
     */
    boolean variedPractices;
    private long claimSeq;
    private long memberSeq;
    private long npiSeq;

    /** How the claim lines are written: CSV only, 837P only, or CSV with one 837 file beside (the sample month). */
    public enum Format {
        CSV, X837, MIXED;

        static Format parse(String value) {
            return switch (value.toLowerCase()) {
                case "csv" -> CSV;
                case "837" -> X837;
                case "mixed" -> MIXED;
                default -> throw new IllegalArgumentException("--format=" + value + " is not csv, 837 or mixed");
            };
        }
    }

    SampleMonthGenerator(YearMonth month, int providers, long lines, long seed, Path inputRoot, Format format)
            throws IOException {
        this(month, month, Set.of(), providers, lines, seed, inputRoot, format);
    }

    SampleMonthGenerator(YearMonth month, YearMonth latest, Set<String> evaluatedLater, int providers, long lines,
                         long seed, Path inputRoot, Format format) throws IOException {
        this.format = format;
        this.month = month;
        this.latest = latest;
        this.evaluatedLater = evaluatedLater;
        this.providerCount = providers;
        this.lineTarget = lines;
        this.random = new SplittableRandom(seed);
        this.monthDir = inputRoot.resolve(month.toString());
        Files.createDirectories(monthDir.resolve("exclusions"));
        Files.createDirectories(monthDir.resolve("nppes"));
        if (format == Format.X837) {
            this.claims1 = new Claim837Writer(monthDir.resolve("claims-clearinghouse.837"), month, "CLEARINGHOUSE01");
            this.claims2 = new Claim837Writer(monthDir.resolve("claims-ehr-export.837"), month, "EHREXPORT02");
        } else {
            this.claims1 = new ClaimWriter(monthDir.resolve("claims-clearinghouse.csv"), CLAIMS_1_HEADER, true);
            this.claims2 = new ClaimWriter(monthDir.resolve("claims-ehr-export.csv"), CLAIMS_2_HEADER, false);
        }
        this.x12 = format == Format.MIXED
                ? new Claim837Writer(monthDir.resolve("claims-practice-mgmt.837"), month, "PRACTICEMGMT03") : null;
    }

    public static void main(String... args) {
        String month = "2026-10";
        String months = null;
        int providers = 60;
        long lines = 6000;
        long seed = 42;
        String input = "input";
        Format format = Format.CSV;
        boolean plantedCases = true;
        boolean variedPractices = false;
        int peerOutliers = 0;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--month=")) {
                month = value;
            } else if (arg.startsWith("--months=")) {
                months = value;
            } else if (arg.startsWith("--providers=")) {
                providers = Integer.parseInt(value);
            } else if (arg.startsWith("--lines=")) {
                lines = Long.parseLong(value);
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(value);
            } else if (arg.startsWith("--input=")) {
                input = value;
            } else if (arg.equals("--no-planted")) {
                plantedCases = false;
            } else if (arg.equals("--varied-practices")) {
                variedPractices = true;
            } else if (arg.startsWith("--peer-outliers=")) {
                peerOutliers = Integer.parseInt(value);
            } else if (arg.startsWith("--format=")) {
                try {
                    format = Format.parse(value);
                } catch (IllegalArgumentException e) {
                    System.err.println("codecred generate: " + e.getMessage());
                    System.exit(2);
                }
            } else if (!arg.equals("generate")) {
                System.err.println("codecred generate: unknown option " + arg
                        + " (options: --month=YYYY-MM or --months=YYYY-MM..YYYY-MM, --providers=N --lines=N --seed=N --input=DIR"
                        + " --format=csv|837|mixed --no-planted --peer-outliers=N --varied-practices)");
                System.exit(2);
            }
        }
        try {
            Network network = new Network(plantedCases, peerOutliers, variedPractices);
            if (months != null) {
                String[] ends = months.split("\\.\\.");
                for (Path written : generateMonths(YearMonth.parse(ends[0]), YearMonth.parse(ends[ends.length - 1]),
                        providers, lines, seed, Path.of(input), format, network)) {
                    System.out.println("wrote " + written);
                }
                return;
            }
            SampleMonthGenerator generator = new SampleMonthGenerator(YearMonth.parse(month), providers, lines, seed,
                    Path.of(input), format);
            network.applyTo(generator);
            generator.run();
            System.out.println("wrote " + generator.monthDir);
        } catch (IOException e) {
            System.err.println("codecred generate: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the month under {@code inputRoot/YYYY-MM} as CSV and returns that folder. */
    public static Path generate(YearMonth month, int providers, long lines, long seed, Path inputRoot) throws IOException {
        return generate(month, providers, lines, seed, inputRoot, Format.CSV);
    }

    /** Writes the month under {@code inputRoot/YYYY-MM} in the given format and returns that folder. */
    public static Path generate(YearMonth month, int providers, long lines, long seed, Path inputRoot, Format format)
            throws IOException {
        SampleMonthGenerator generator = new SampleMonthGenerator(month, providers, lines, seed, inputRoot, format);
        generator.run();
        return generator.monthDir;
    }

    /**
     * Writes a sequence of months, {@code first} to {@code last}, with planted changes between them.
     * The last month is exactly what {@link #generate} writes for it with {@code seed}; each earlier
     * month uses its own seed and shows the state before the planted changes: Muñoz is not yet on the
     * exclusion list (newly HOLD and newly excluded in the last month), Rasmussen's license is
     * expiring rather than expired (REVIEW, then HOLD). Planted coding cases repeat every month
     * (REPEAT), among them Vance's 90792 for the same member (DIAG-EVAL-REPEATED across the months);
     * regular practices never evaluate a member again within the sequence. Months are written
     * newest first, so each earlier month knows which members later months evaluate.
     */
    public static List<Path> generateMonths(YearMonth first, YearMonth last, int providers, long lines, long seed,
                                            Path inputRoot) throws IOException {
        return generateMonths(first, last, providers, lines, seed, inputRoot, Format.CSV);
    }

    /** {@link #generateMonths} in the given format. */
    public static List<Path> generateMonths(YearMonth first, YearMonth last, int providers, long lines, long seed,
                                            Path inputRoot, Format format) throws IOException {
        return generateMonths(first, last, providers, lines, seed, inputRoot, format, Network.SAMPLE);
    }

    /**
     * What the network holds besides regular practices: the planted cases (the sample), or none at all
     * with a number of true peer outliers among regular practices (the false-alarm measurement).
     */
    record Network(boolean plantedCases, int peerOutliers, boolean variedPractices) {
        static final Network SAMPLE = new Network(true, 0, false);

        void applyTo(SampleMonthGenerator g) {
            g.plantedCases = plantedCases;
            g.peerOutliers = peerOutliers;
            g.variedPractices = variedPractices;
        }
    }

    private static List<Path> generateMonths(YearMonth first, YearMonth last, int providers, long lines, long seed,
                                             Path inputRoot, Format format, Network network) throws IOException {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the months run from " + first + " to " + last + ": write the earlier first");
        }
        List<Path> written = new ArrayList<>();
        Set<String> evaluatedLater = new HashSet<>();
        for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
            long monthsBefore = ChronoUnit.MONTHS.between(m, last);
            SampleMonthGenerator generator = new SampleMonthGenerator(m, last, Set.copyOf(evaluatedLater), providers,
                    lines, seed + 1_000 * monthsBefore, inputRoot, format);
            network.applyTo(generator);
            generator.run();
            evaluatedLater.addAll(generator.evaluatedHere);
            written.add(0, generator.monthDir);
        }
        return written;
    }

    private void run() throws IOException {
        try (claims1; claims2; ClaimFile third = x12 != null ? x12 : NO_FILE) {
            for (int i = 0; i < providerCount; i++) {
                practices.add(Practice.regular(this, i));
            }
            if (variedPractices) {
                // a stream of its own: the default network draws exactly what it drew before
                SplittableRandom variety = new SplittableRandom(month.hashCode() * 31L + providerCount);
                practices.forEach(p -> p.vary(variety));
            }
            turnIntoPeerOutliers();
            PlantedCases planted = new PlantedCases(this);
            PlantedVerdictCases verdictCases = new PlantedVerdictCases(this);
            PlantedPeerGroup peerGroup = new PlantedPeerGroup(this);
            if (plantedCases) {
                planted.addProviders();
                verdictCases.addProviders();
                peerGroup.addProviders();
            }
            long perProvider = Math.max(1, lineTarget / Math.max(1, providerCount));
            for (Practice practice : practices) {
                if (!practice.planted) {
                    practice.bill(this, perProvider);
                }
            }
            if (plantedCases) {
                planted.billLines();
                if (claims1 instanceof ClaimWriter csv1 && claims2 instanceof ClaimWriter csv2) {
                    planted.writeUnreadableRows(csv1, csv2);
                }
                if (format != Format.CSV) {
                    new PlantedX12Cases(this, x12 != null ? x12 : (Claim837Writer) claims1).write();
                }
                new PlantedArrivalCases(this).write(claims1, x12);
                verdictCases.billLines();
                peerGroup.billLines();
            }
        }
        RegistryFiles.writeRoster(this);
        RegistryFiles.writeExclusions(this);
        RegistryFiles.writeNppes(this);
    }

    /**
     * {@code peerOutliers} regular social workers and counselors, evenly spread over the roster, bill
     * 90837 on most individual sessions; their last name starts with "Peeroutlier" so a measurement can
     * count how many were caught. Takes nothing from the random stream: the rest of the network is
     * the same with or without them.
     */
    private void turnIntoPeerOutliers() {
        int turned = 0;
        for (int i = 0; i < practices.size() && turned < peerOutliers; i++) {
            Practice p = practices.get(i);
            boolean target = i >= (long) turned * practices.size() / Math.max(1, peerOutliers);
            if (target && !p.isPrescriber() && List.of("LCSW", "LICSW", "LPC", "LMHC", "LCPC").contains(p.credential)) {
                p.billsLongSessions();
                p.lastName = "Peeroutlier" + (++turned);
            }
        }
    }

    // shared helpers for the practices and planted cases

    String nextNpi() {
        npiSeq++;
        return withCheckDigit(String.format("1%08d", 20_000_000 + npiSeq * 7));
    }

    /** A valid NPI from nine base digits. */
    static String withCheckDigit(String base) {
        return base + NpiCheckDigit.checkDigit(base);
    }

    String nextClaimId() {
        claimSeq++;
        return String.format("C%s%07d", month.toString().replace("-", ""), claimSeq);
    }

    String nextMemberId() {
        memberSeq++;
        return String.format("MBR%09d", 100_000_000L + memberSeq * 13);
    }

    /** Working days of the month (Monday to Friday). */
    List<LocalDate> workingDays() {
        List<LocalDate> days = new ArrayList<>();
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(date);
            }
        }
        return days;
    }

    /** A birth date that makes a member {@code age} years old in the middle of the month. */
    LocalDate birthDateForAge(int age) {
        return month.atDay(15).minusYears(age).minusDays(1 + random.nextInt(360));
    }

    /** Routes one claim (all its lines) to one of the two claim files. */
    ClaimFile fileFor(String claimId) {
        return (claimId.hashCode() & 3) == 0 ? claims2 : claims1;
    }

    /** Routes a regular practice's claim: in a mixed month about one in eight goes to the 837 file. */
    ClaimFile regularFileFor(String claimId) {
        return x12 != null && (claimId.hashCode() & 7) == 5 ? x12 : fileFor(claimId);
    }

    private static final ClaimFile NO_FILE = new ClaimFile() {
        @Override
        public void write(Line line) {
        }

        @Override
        public void close() {
        }
    };

    /** One claim line as the generator writes it; null fields are left empty. */
    record Line(String claimId, int lineNo, String renderingNpi, String billingNpi, String memberId, LocalDate memberDob,
                LocalDate serviceDate, String code, String modifiers, Integer units, Integer minutes, String diagnoses,
                String pos, String charge) {
    }

    /** Writes claim lines into one claims CSV in its own header order and date style. */
    static final class ClaimWriter implements ClaimFile {
        private final BufferedWriter out;
        private final String[] header;
        private final boolean isoDatesBomCrlf;
        private final String eol;

        ClaimWriter(Path file, String[] header, boolean isoDatesBomCrlf) throws IOException {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.header = header;
            this.isoDatesBomCrlf = isoDatesBomCrlf;
            this.eol = isoDatesBomCrlf ? "\r\n" : "\n";
            if (isoDatesBomCrlf) {
                out.write('\uFEFF');
            }
            raw(String.join(",", header));
        }

        @Override
        public void write(Line line) {
            StringBuilder row = new StringBuilder(160);
            for (int i = 0; i < header.length; i++) {
                if (i > 0) {
                    row.append(',');
                }
                row.append(field(line, header[i].toLowerCase()));
            }
            raw(row.toString());
        }

        /** A line written exactly as given (for the unreadable rows). */
        void raw(String text) {
            try {
                out.write(text);
                out.write(eol);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String field(Line l, String column) {
            return switch (column) {
                case "claim_id" -> l.claimId();
                case "line_no" -> Integer.toString(l.lineNo());
                case "rendering_npi" -> l.renderingNpi();
                case "billing_npi" -> orEmpty(l.billingNpi());
                case "member_id" -> l.memberId();
                case "member_dob" -> l.memberDob() == null ? "" : date(l.memberDob());
                case "service_date" -> date(l.serviceDate());
                case "procedure_code" -> l.code();
                case "modifiers" -> orEmpty(l.modifiers());
                case "units" -> l.units() == null ? "" : l.units().toString();
                case "minutes" -> l.minutes() == null ? "" : l.minutes().toString();
                case "diagnosis_codes" -> l.diagnoses() == null ? "" : quoteIfNeeded(l.diagnoses());
                case "place_of_service" -> orEmpty(l.pos());
                case "charge" -> orEmpty(l.charge());
                default -> throw new IllegalStateException(column);
            };
        }

        private String date(LocalDate date) {
            return isoDatesBomCrlf ? date.toString() : US_DATE.format(date);
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }

        private static String quoteIfNeeded(String s) {
            return s.contains(";") ? "\"" + s + "\"" : s;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
