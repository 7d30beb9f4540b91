package org.codecred.scaleout;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NpiRangePartitionerTest {

    private static List<String> npis(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("%010d", 1_000_000_000L + i * 7L)).toList();
    }

    @Test
    void rangesCoverTheRosterOnceInOrder() {
        List<String> roster = npis(10);
        Map<String, ExecutionContext> parts = new NpiRangePartitioner(() -> roster).partition(4);
        assertEquals(List.of("range001", "range002", "range003", "range004"), new ArrayList<>(parts.keySet()));
        List<String> covered = new ArrayList<>();
        for (ExecutionContext c : parts.values()) {
            String from = c.getString(NpiRangePartitioner.FROM_NPI);
            String to = c.getString(NpiRangePartitioner.TO_NPI);
            roster.stream().filter(n -> n.compareTo(from) >= 0 && n.compareTo(to) <= 0).forEach(covered::add);
        }
        assertEquals(roster, covered, "every NPI in exactly one range, ranges in NPI order");
        assertEquals(roster.get(0), parts.get("range001").getString(NpiRangePartitioner.FROM_NPI));
        assertEquals(roster.get(9), parts.get("range004").getString(NpiRangePartitioner.TO_NPI));
    }

    @Test
    void fewerProvidersThanPartitionsGivesOnePerProvider() {
        Map<String, ExecutionContext> parts = new NpiRangePartitioner(() -> npis(2)).partition(8);
        assertEquals(2, parts.size());
    }

    @Test
    void anEmptyRosterGivesOneEmptyRange() {
        Map<String, ExecutionContext> parts = new NpiRangePartitioner(List::of).partition(4);
        assertEquals(1, parts.size());
        ExecutionContext only = parts.values().iterator().next();
        assertEquals(1, only.getString(NpiRangePartitioner.FROM_NPI).compareTo(only.getString(NpiRangePartitioner.TO_NPI)));
    }

    @Test
    void theSameRosterGivesTheSamePartitions() {
        assertEquals(new NpiRangePartitioner(() -> npis(101)).partition(4).toString(),
                new NpiRangePartitioner(() -> npis(101)).partition(4).toString());
    }
}
