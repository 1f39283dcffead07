package org.ringlet.cluster.coordinator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.ReadFilters;

/**
 * Scans across the ring: the scanned range is cut at the ring's tokens into pieces that each have one set of
 * replicas, consecutive pieces with the same replicas are joined, and the pieces are read one after the other in
 * token order until the limit is reached. On a one-node ring this is a single read of the whole range.
 */
final class RangeReads {
    private final DefaultCoordinator coordinator;
    private final ReplicaPlanner planner;
    private final TopologyService topology;

    RangeReads(DefaultCoordinator coordinator, ReplicaPlanner planner, TopologyService topology) {
        this.coordinator = coordinator;
        this.planner = planner;
        this.topology = topology;
    }

    /** A piece of the scanned range with its natural replicas. */
    record Piece(KeyRange range, List<UUID> replicas) {
    }

    CompletionStage<List<Partition>> read(PartitionRangeReadCommand command, ConsistencyLevel cl) {
        TableMetadata table = coordinator.table(command.table());
        KeyspaceMetadata ks = coordinator.strategies().keyspace(table.keyspace());
        List<Piece> pieces = pieces(ks, command.range());
        List<Partition> out = new ArrayList<>();
        return next(command, cl, ks, table, pieces, 0, command.limits().rows(), out);
    }

    private CompletionStage<List<Partition>> next(PartitionRangeReadCommand command, ConsistencyLevel cl,
                                                  KeyspaceMetadata ks, TableMetadata table, List<Piece> pieces,
                                                  int index, int remaining, List<Partition> out) {
        if (index >= pieces.size() || remaining <= 0) {
            return CompletableFuture.completedFuture(out);
        }
        Piece piece = pieces.get(index);
        ReplicaPlan plan = planner.forRangeRead(ks, piece.replicas(), cl);
        DataLimits limits = command.limits().withRows(remaining);
        PartitionRangeReadCommand sub = new PartitionRangeReadCommand(command.table(), piece.range(),
                command.clustering(), command.columns(), limits, command.nowInSeconds());
        ResponseCollector<List<Partition>> responses = coordinator.collect(plan,
                coordinator.config().rangeTimeout());
        for (UUID r : plan.contacts()) {
            coordinator.replicas().scan(r, sub).whenComplete((p, e) -> coordinator.answer(responses, plan, r, p, e));
        }
        return coordinator.started(responses).thenCompose(answers -> {
            List<Partition> merged = merge(answers, table);
            int counted = 0;
            for (Partition p : merged) {
                int live = ReadFilters.liveRowCount(p, command.nowInSeconds());
                counted += command.limits().distinct() ? Math.min(live, 1) : live;
            }
            out.addAll(merged);
            return next(command, cl, ks, table, pieces, index + 1, remaining - counted, out);
        });
    }

    private static List<Partition> merge(List<List<Partition>> answers, TableMetadata table) {
        if (answers.size() == 1) {
            return answers.get(0);
        }
        Map<DecoratedKey, List<Partition>> byKey = new TreeMap<>();
        for (List<Partition> answer : answers) {
            for (Partition p : answer) {
                byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Partition> out = new ArrayList<>(byKey.size());
        byKey.values().forEach(v -> out.add(v.size() == 1 ? v.get(0) : Partition.merge(v, table)));
        return out;
    }

    /** The pieces of {@code range} in token order, consecutive pieces with the same set of replicas joined. */
    List<Piece> pieces(KeyspaceMetadata ks, KeyRange range) {
        Topology t = topology.current();
        List<Token> ring = t.sortedTokens();
        List<Piece> raw = new ArrayList<>();
        Token lo = range.start();
        boolean loInclusive = range.startInclusive();
        for (Token token : ring) {
            if (range.end() != null) {
                int c = token.compareTo(range.end());
                if (c > 0 || (c == 0 && !range.endInclusive())) {
                    break;
                }
            }
            if (lo != null) {
                int c = token.compareTo(lo);
                if (c < 0 || (c == 0 && !loInclusive)) {
                    continue;
                }
            }
            raw.add(new Piece(new KeyRange(lo, loInclusive, token, true, null, null), planner.natural(ks, token)));
            lo = token;
            loInclusive = false;
        }
        Token last = range.end() != null ? range.end() : (ring.isEmpty() ? null : ring.get(0));
        boolean emptyTail = lo != null && range.end() != null
                && (lo.compareTo(range.end()) > 0 || (lo.compareTo(range.end()) == 0 && !(loInclusive
                && range.endInclusive())));
        if (!emptyTail && last != null) {
            raw.add(new Piece(new KeyRange(lo, loInclusive, range.end(), range.endInclusive(), null, null),
                    planner.natural(ks, last)));
        }
        List<Piece> joined = new ArrayList<>();
        for (Piece p : raw) {
            if (!joined.isEmpty() && new HashSet<>(joined.get(joined.size() - 1).replicas())
                    .equals(new HashSet<>(p.replicas()))) {
                Piece prev = joined.remove(joined.size() - 1);
                p = new Piece(new KeyRange(prev.range().start(), prev.range().startInclusive(), p.range().end(),
                        p.range().endInclusive(), null, null), p.replicas());
            }
            joined.add(p);
        }
        List<Piece> out = new ArrayList<>(joined.size());
        DecoratedKey resume = range.resumeAfter();
        for (Piece p : joined) {
            KeyRange r = p.range();
            if (resume != null && r.end() != null && r.end().compareTo(resume.token()) < 0) {
                continue;
            }
            out.add(new Piece(new KeyRange(r.start(), r.startInclusive(), r.end(), r.endInclusive(), resume,
                    range.resumeWithin()), p.replicas()));
        }
        return out;
    }
}
