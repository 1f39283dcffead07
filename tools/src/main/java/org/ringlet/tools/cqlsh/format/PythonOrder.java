package org.ringlet.tools.cqlsh.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import com.datastax.oss.driver.api.core.data.GettableByIndex;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;

/**
 * The order cqlsh (Python) sorts set elements and map keys in before showing them: numbers by value, text by code
 * point, blobs by unsigned bytes, UUIDs as unsigned 128-bit integers (not by time, unlike Cassandra's timeuuid
 * order), addresses by their text, tuples and UDTs field by field. Values Python cannot order keep the server's
 * order (the sort is stable and treats them as equal).
 */
public final class PythonOrder implements Comparator<Object> {
    public static final PythonOrder INSTANCE = new PythonOrder();

    private PythonOrder() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number na && b instanceof Number nb) {
            return toBigDecimal(na).compareTo(toBigDecimal(nb));
        }
        if (a instanceof Boolean ba && b instanceof Boolean bb) {
            return Boolean.compare(ba, bb);
        }
        if (a instanceof String sa && b instanceof String sb) {
            return compareCodePoints(sa, sb);
        }
        if (a instanceof ByteBuffer ba && b instanceof ByteBuffer bb) {
            return compareBytes(ba, bb);
        }
        if (a instanceof UUID ua && b instanceof UUID ub) {
            int c = Long.compareUnsigned(ua.getMostSignificantBits(), ub.getMostSignificantBits());
            return c != 0 ? c : Long.compareUnsigned(ua.getLeastSignificantBits(), ub.getLeastSignificantBits());
        }
        if (a instanceof InetAddress ia && b instanceof InetAddress ib) {
            return compareCodePoints(CqlValueFormatter.inetText(ia), CqlValueFormatter.inetText(ib));
        }
        if (a instanceof Instant ia && b instanceof Instant ib) {
            return ia.compareTo(ib);
        }
        if (a instanceof LocalDate da && b instanceof LocalDate db) {
            return da.compareTo(db);
        }
        if (a instanceof LocalTime ta && b instanceof LocalTime tb) {
            return ta.compareTo(tb);
        }
        if ((a instanceof TupleValue || a instanceof UdtValue) && (b instanceof TupleValue || b instanceof UdtValue)) {
            return compareIterables(fields((GettableByIndex) a), fields((GettableByIndex) b));
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            return compareIterables(la, lb);
        }
        if (a instanceof Collection<?> ca && b instanceof Collection<?> cb) {
            List<Object> sa = new ArrayList<>(ca);
            List<Object> sb = new ArrayList<>(cb);
            sa.sort(this);
            sb.sort(this);
            return compareIterables(sa, sb);
        }
        return 0;
    }

    private static List<Object> fields(GettableByIndex value) {
        List<Object> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            out.add(value.getObject(i));
        }
        return out;
    }

    private int compareIterables(Iterable<?> a, Iterable<?> b) {
        Iterator<?> ia = a.iterator();
        Iterator<?> ib = b.iterator();
        while (ia.hasNext() && ib.hasNext()) {
            int c = compare(ia.next(), ib.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d > 0 ? BigDecimal.valueOf(Double.MAX_VALUE).multiply(BigDecimal.TEN)
                        : BigDecimal.valueOf(-Double.MAX_VALUE).multiply(BigDecimal.TEN);
            }
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int compareBytes(ByteBuffer a, ByteBuffer b) {
        int n = Math.min(a.remaining(), b.remaining());
        for (int k = 0; k < n; k++) {
            int c = Integer.compare(a.get(a.position() + k) & 0xff, b.get(b.position() + k) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.remaining(), b.remaining());
    }
}
