package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionTypesTest {
    private static final ListType INTS = ListType.frozen(NativeType.INT);
    private static final SetType TEXTS = SetType.frozen(NativeType.TEXT);
    private static final MapType INT_TO_TEXT = MapType.frozen(NativeType.INT, NativeType.TEXT);

    /** Cassandra's frozen list/set order: element by element, then the shorter first. */
    private static int listOrder(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Property(tries = 500)
    void listsRoundTripAndOrderElementWise(@ForAll @Size(max = 6) List<Integer> a,
                                          @ForAll @Size(max = 6) List<Integer> b) {
        ByteBuffer sa = INTS.decompose(a);
        ByteBuffer sb = INTS.decompose(b);
        INTS.validate(sa);
        assertEquals(a, INTS.compose(sa));
        assertEquals(Integer.signum(listOrder(a, b)), Integer.signum(INTS.compare(sa, sb)));
        assertEquals(0, INTS.compare(sa, INTS.decompose(new ArrayList<>(a))));
    }

    @Property(tries = 500)
    void setsAreSortedDistinctAndOrderedLikeSortedLists(@ForAll @Size(max = 6) Set<String> a,
                                                       @ForAll @Size(max = 6) Set<String> b) {
        ByteBuffer sa = TEXTS.decompose(a);
        TEXTS.validate(sa);
        @SuppressWarnings("unchecked")
        Set<String> back = (Set<String>) TEXTS.compose(sa);
        List<String> sorted = new ArrayList<>(a);
        sorted.sort((x, y) -> NativeType.TEXT.compare(NativeType.TEXT.decompose(x), NativeType.TEXT.decompose(y)));
        assertEquals(sorted, new ArrayList<>(back), "composed in element order");
        ListType textList = ListType.frozen(NativeType.TEXT);
        List<String> sortedB = new ArrayList<>(b);
        sortedB.sort((x, y) -> NativeType.TEXT.compare(NativeType.TEXT.decompose(x), NativeType.TEXT.decompose(y)));
        assertEquals(Integer.signum(textList.compare(textList.decompose(sorted), textList.decompose(sortedB))),
                Integer.signum(TEXTS.compare(sa, TEXTS.decompose(b))));
        assertEquals(sa, textList.decompose(sorted), "a set is serialized as its sorted list");
    }

    @Property(tries = 500)
    void mapsRoundTripAndOrderByKeyThenValue(@ForAll @Size(max = 5) Map<Integer, String> a,
                                             @ForAll @Size(max = 5) Map<Integer, String> b) {
        ByteBuffer sa = INT_TO_TEXT.decompose(a);
        INT_TO_TEXT.validate(sa);
        assertEquals(new TreeMap<>(a), INT_TO_TEXT.compose(sa));
        assertEquals(new ArrayList<>(new TreeMap<>(a).keySet()),
                new ArrayList<>(((Map<?, ?>) INT_TO_TEXT.compose(sa)).keySet()), "composed in key order");
        assertEquals(Integer.signum(mapOrder(new TreeMap<>(a), new TreeMap<>(b))),
                Integer.signum(INT_TO_TEXT.compare(sa, INT_TO_TEXT.decompose(b))));
    }

    private static int mapOrder(TreeMap<Integer, String> a, TreeMap<Integer, String> b) {
        List<Map.Entry<Integer, String>> la = new ArrayList<>(a.entrySet());
        List<Map.Entry<Integer, String>> lb = new ArrayList<>(b.entrySet());
        for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
            int c = Integer.compare(la.get(i).getKey(), lb.get(i).getKey());
            if (c == 0) {
                c = NativeType.TEXT.compare(NativeType.TEXT.decompose(la.get(i).getValue()),
                        NativeType.TEXT.decompose(lb.get(i).getValue()));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(la.size(), lb.size());
    }

    @Test
    void serializedLayoutIsCountThenLengthPrefixedElements() {
        ByteBuffer b = INTS.decompose(List.of(1, 2));
        assertEquals(ByteBuffer.wrap(new byte[] {0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 2}), b);
        ByteBuffer m = INT_TO_TEXT.decompose(Map.of(7, "a"));
        assertEquals(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 7, 0, 0, 0, 1, 'a'}), m);
    }

    @Test
    void emptyValueSortsBeforeAnEmptyCollection() {
        ByteBuffer none = ByteBuffer.allocate(0);
        ByteBuffer emptyList = INTS.decompose(List.of());
        assertTrue(INTS.compare(none, emptyList) < 0);
        assertTrue(INT_TO_TEXT.compare(INT_TO_TEXT.decompose(Map.of()), none) > 0);
        assertNull(INTS.compose(none));
        assertEquals(List.of(), INTS.compose(emptyList));
    }

    @Test
    void packDeduplicatesSetsAndLetsTheLastMapEntryWin() {
        ByteBuffer s = TEXTS.pack(List.of(NativeType.TEXT.decompose("b"), NativeType.TEXT.decompose("a"),
                NativeType.TEXT.decompose("b")));
        assertEquals(new LinkedHashSet<>(List.of("a", "b")), TEXTS.compose(s));
        ByteBuffer m = INT_TO_TEXT.pack(List.of(Map.entry(NativeType.INT.decompose(2), NativeType.TEXT.decompose("x")),
                Map.entry(NativeType.INT.decompose(1), NativeType.TEXT.decompose("y")),
                Map.entry(NativeType.INT.decompose(2), NativeType.TEXT.decompose("z"))));
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "y");
        expected.put(2, "z");
        assertEquals(expected, INT_TO_TEXT.compose(m));
    }

    @Test
    void malformedValuesAreRejected() {
        assertEquals("Not enough bytes to read a list size", assertThrows(MarshalException.class,
                () -> INTS.validate(ByteBuffer.wrap(new byte[] {0, 0}))).getMessage());
        assertThrows(MarshalException.class, () -> INTS.validate(ByteBuffer.wrap(new byte[] {-1, -1, -1, -1})));
        assertThrows(MarshalException.class, () -> INTS.validate(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0, 0, 0, 4, 0})));
        assertThrows(MarshalException.class,
                () -> INTS.validate(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0})), "element length");
        assertThrows(MarshalException.class,
                () -> INTS.validate(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 9})), "trailing bytes");
        assertEquals("null is not supported inside collections", assertThrows(MarshalException.class,
                () -> INTS.validate(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, -1, -1, -1, -1}))).getMessage());
        // a count that cannot fit is rejected before anything is allocated
        assertThrows(MarshalException.class, () -> INTS.validate(ByteBuffer.wrap(new byte[] {0x7f, -1, -1, -1})));
        List<Integer> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(MarshalException.class, () -> INTS.decompose(withNull));
        assertThrows(MarshalException.class, () -> INTS.decompose(Set.of(1)));
        assertThrows(MarshalException.class, () -> INT_TO_TEXT.decompose(List.of()));
    }

    @Test
    void frozennessNamesAndCellPaths() {
        ListType list = ListType.of(NativeType.INT);
        SetType set = SetType.of(NativeType.TEXT);
        MapType map = MapType.of(NativeType.INT, ListType.of(NativeType.INT));
        assertTrue(list.isMultiCell());
        assertEquals("list<int>", list.cqlName());
        assertEquals("frozen<list<int>>", list.freeze().cqlName());
        assertEquals(INTS, list.freeze());
        assertSame(INTS, INTS.freeze());
        assertEquals("map<int, frozen<list<int>>>", map.cqlName(), "nested collections are frozen");
        assertEquals(NativeType.TIMEUUID, list.cellPathType());
        assertEquals(NativeType.TEXT, set.cellPathType());
        assertEquals(NativeType.INT, map.cellPathType());
        assertThrows(IllegalStateException.class, INTS::cellPathType);
        assertTrue(list.isCollection() && set.isCollection() && map.isCollection());
        assertEquals(0x20, list.protocolTypeId());
        assertEquals(0x21, map.protocolTypeId());
        assertEquals(0x22, set.protocolTypeId());
        assertEquals(List.of(NativeType.INT, ListType.frozen(NativeType.INT)), map.subTypes());
        assertFalse(list.equals(INTS));
        assertEquals(list.hashCode(), ListType.of(NativeType.INT).hashCode());
    }

    @Test
    void nestedCollectionsOrderByTheirElementTypes() {
        ListType nested = ListType.frozen(SetType.frozen(NativeType.INT));
        ByteBuffer a = nested.decompose(List.of(new TreeSet<>(Set.of(1, 2)), Set.of(9)));
        ByteBuffer b = nested.decompose(List.of(new TreeSet<>(Set.of(1, 3))));
        assertTrue(nested.compare(a, b) < 0);
        assertEquals(List.of(new LinkedHashSet<>(List.of(1, 2)), Set.of(9)), nested.compose(a));
        // a list of reversed-free elements keeps element order even when one element is a prefix of another
        ByteBuffer c = nested.decompose(List.of(Set.of(1)));
        assertTrue(nested.compare(c, a) < 0);
    }
}
