package org.codecred.staging;

import org.codecred.domain.Provider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Types;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Owner of {@code codecred.provider} (DDL in the migrations, {@code db/migration}): the month's roster as
 * loaded. No other class touches the table.
 */
public final class ProviderTable {

    public static final String COLUMNS = "npi, last_name, first_name, credential, license_number, license_state,"
            + " license_expires, taxonomy_code, specialties, date_of_birth, line_number";

    public static final RowMapper<Provider> ROW_MAPPER = (rs, i) -> new Provider(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), ClaimLineTable.localDate(rs.getDate(7)), rs.getString(8),
            rs.getString(9) == null || rs.getString(9).isEmpty() ? List.of() : Arrays.asList(rs.getString(9).split(";")),
            ClaimLineTable.localDate(rs.getDate(10)), rs.getLong(11));

    private final JdbcTemplate jdbc;

    public ProviderTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(YearMonth month, List<Provider> providers) {
        if (providers.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.provider (month, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                providers, providers.size(), (ps, p) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, p.npi());
                    ps.setString(3, p.lastName());
                    ps.setString(4, p.firstName());
                    ps.setString(5, p.credential());
                    ps.setString(6, p.licenseNumber());
                    ps.setString(7, p.licenseState());
                    ps.setObject(8, ClaimLineTable.sqlDate(p.licenseExpires()), Types.DATE);
                    ps.setString(9, p.taxonomyCode());
                    ps.setString(10, String.join(";", p.specialties()));
                    ps.setObject(11, ClaimLineTable.sqlDate(p.dateOfBirth()), Types.DATE);
                    ps.setLong(12, p.lineNumber());
                });
    }

    /** Which of {@code npis} are already on the month's roster (to reject duplicate roster rows). */
    public Set<String> existing(YearMonth month, Set<String> npis) {
        if (npis.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(new NamedParameterJdbcTemplate(jdbc).queryForList(
                "SELECT npi FROM codecred.provider WHERE month = :month AND npi IN (:npis)",
                new MapSqlParameterSource("month", month.toString()).addValue("npis", npis), String.class));
    }

    public Optional<Provider> find(YearMonth month, String npi) {
        return jdbc.query("SELECT " + COLUMNS + " FROM codecred.provider WHERE month = ? AND npi = ?",
                ROW_MAPPER, month.toString(), npi).stream().findFirst();
    }

    /** The whole roster ordered by NPI. Rosters are small (tens of thousands) next to claim files. */
    public List<Provider> all(YearMonth month) {
        return jdbc.query("SELECT " + COLUMNS + " FROM codecred.provider WHERE month = ? ORDER BY npi", ROW_MAPPER, month.toString());
    }

    /**
     * The providers of an NPI range (both ends included) after {@code afterNpi} (empty string: from
     * the start), in NPI order: one partition of writeDossiers, resumed after its last committed NPI.
     */
    public List<Provider> range(YearMonth month, String fromNpi, String toNpi, String afterNpi) {
        return jdbc.query("SELECT " + COLUMNS + " FROM codecred.provider"
                        + " WHERE month = ? AND npi >= ? AND npi <= ? AND npi > ? ORDER BY npi",
                ROW_MAPPER, month.toString(), fromNpi, toNpi, afterNpi);
    }

    /** Up to {@code limit} NPIs of the month's roster from {@code fromNpi} on (included), in NPI order. */
    public List<String> npisFrom(YearMonth month, String fromNpi, int limit) {
        return jdbc.queryForList("SELECT npi FROM codecred.provider WHERE month = ? AND npi >= ? ORDER BY npi LIMIT ?",
                String.class, month.toString(), fromNpi, limit);
    }

    /** The NPIs on the month's roster. */
    public Set<String> npis(YearMonth month) {
        return new HashSet<>(jdbc.queryForList("SELECT npi FROM codecred.provider WHERE month = ?", String.class, month.toString()));
    }

    /** A rostered provider's license expiry date. */
    public record LicenseExpiry(String npi, java.time.LocalDate expires) {
    }

    /** Rostered providers whose license expires before {@code date}, in NPI order. */
    public List<LicenseExpiry> licensesExpiringBefore(YearMonth month, java.time.LocalDate date) {
        return jdbc.query("SELECT npi, license_expires FROM codecred.provider WHERE month = ? AND license_expires IS NOT NULL"
                        + " AND license_expires < ? ORDER BY npi",
                (rs, i) -> new LicenseExpiry(rs.getString(1), rs.getDate(2).toLocalDate()), month.toString(),
                java.sql.Date.valueOf(date));
    }

    public long count(YearMonth month) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.provider WHERE month = ?", Long.class, month.toString());
        return n == null ? 0 : n;
    }
}
