package org.ringlet.tools.cqlsh.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CqlValueFormatterTest {
    private final CqlValueFormatter f = new CqlValueFormatter(DisplaySettings.defaults());

    private String show(DataType type, Object value) {
        return f.format(type, value).text();
    }

    @Test
    void textIsUnquotedAtTopLevelAndQuotedInsideCollections() {
        assertEquals("Rashid Aziz", show(DataTypes.TEXT, "Rashid Aziz"));
        assertEquals("it's", show(DataTypes.TEXT, "it's"));
        assertEquals("['it''s', 'b']", show(DataTypes.listOf(DataTypes.TEXT), List.of("it's", "b")));
        assertEquals("", show(DataTypes.TEXT, ""));
        assertEquals("a\\\\b\\tc\\nd\\x01\\x7f\\xa0é", show(DataTypes.TEXT, "a\\b\tc\nd\u0001\u007f\u00a0é"));
    }

    @Test
    void numbers() {
        assertEquals("42", show(DataTypes.INT, 42));
        assertEquals("-9184956559428665922", show(DataTypes.BIGINT, -9184956559428665922L));
        assertEquals("7", show(DataTypes.TINYINT, (byte) 7));
        assertEquals("-3", show(DataTypes.SMALLINT, (short) -3));
        assertEquals("123456789012345678901234567890",
                show(DataTypes.VARINT, new BigInteger("123456789012345678901234567890")));
        assertEquals("1.50", show(DataTypes.DECIMAL, new BigDecimal("1.50")));
        assertEquals("1E+3", show(DataTypes.DECIMAL, new BigDecimal("1E+3")));
        assertEquals("3.14159", show(DataTypes.DOUBLE, Math.PI));
        assertEquals("1.1", show(DataTypes.FLOAT, 1.1f));
        assertEquals("12", show(DataTypes.COUNTER, 12L));
    }

    @Test
    void floatPrecisionIsConfigurablePerType() {
        CqlValueFormatter precise = new CqlValueFormatter(new DisplaySettings(3, 12, ZoneId.of("UTC"), false));
        assertEquals("3.14159265359", precise.format(DataTypes.DOUBLE, Math.PI).text());
        assertEquals("3.142", precise.format(DataTypes.FLOAT, (float) Math.PI).text());
        assertEquals("[3.142]", precise.format(DataTypes.listOf(DataTypes.FLOAT), List.of((float) Math.PI)).text());
    }

    @Test
    void booleansUsePythonSpelling() {
        assertEquals("True", show(DataTypes.BOOLEAN, true));
        assertEquals("False", show(DataTypes.BOOLEAN, false));
    }

    @Test
    void blobsAreHex() {
        assertEquals("0x00ff10", show(DataTypes.BLOB, ByteBuffer.wrap(new byte[] {0, (byte) 0xff, 0x10})));
        assertEquals("0x", show(DataTypes.BLOB, ByteBuffer.allocate(0)));
    }

    @Test
    void timesAndDates() {
        assertEquals("2024-01-02 03:04:05.000000+0000",
                show(DataTypes.TIMESTAMP, Instant.parse("2024-01-02T03:04:05Z")));
        assertEquals("2024-01-02 03:04:05.123000+0000",
                show(DataTypes.TIMESTAMP, Instant.parse("2024-01-02T03:04:05.123Z")));
        assertEquals("['2024-01-02 03:04:05.000000+0000']",
                show(DataTypes.listOf(DataTypes.TIMESTAMP), List.of(Instant.parse("2024-01-02T03:04:05Z"))));
        CqlValueFormatter paris = new CqlValueFormatter(new DisplaySettings(5, 5, ZoneId.of("Europe/Paris"), false));
        assertEquals("2024-01-02 04:04:05.000000+0100",
                paris.format(DataTypes.TIMESTAMP, Instant.parse("2024-01-02T03:04:05Z")).text());
        assertEquals("253402300800000", show(DataTypes.TIMESTAMP, Instant.parse("+10000-01-01T00:00:00Z")));
        assertEquals("2024-02-29", show(DataTypes.DATE, LocalDate.of(2024, 2, 29)));
        assertEquals("0099-01-01", show(DataTypes.DATE, LocalDate.of(99, 1, 1)));
        assertEquals("2932897", show(DataTypes.DATE, LocalDate.of(10000, 1, 1)));
        assertEquals("08:12:54.123456789", show(DataTypes.TIME, LocalTime.of(8, 12, 54, 123456789)));
        assertEquals("00:00:00.000000000", show(DataTypes.TIME, LocalTime.MIDNIGHT));
    }

    @Test
    void durations() {
        assertEquals("1y2mo3d4h5m6s7ms8us9ns", show(DataTypes.DURATION,
                CqlDuration.newInstance(14, 3, 4 * 3_600_000_000_000L + 5 * 60_000_000_000L + 6_000_000_000L
                        + 7_000_000L + 8_000L + 9L)));
        assertEquals("-1d", show(DataTypes.DURATION, CqlDuration.newInstance(0, -1, 0)));
        assertEquals("12h", show(DataTypes.DURATION, CqlDuration.from("12h")));
        assertEquals("", show(DataTypes.DURATION, CqlDuration.newInstance(0, 0, 0)));
    }

    @Test
    void uuidsAndAddresses() throws Exception {
        UUID u = UUID.fromString("bcb57440-7303-4849-9afc-af0237587870");
        assertEquals("bcb57440-7303-4849-9afc-af0237587870", show(DataTypes.UUID, u));
        assertEquals("[bcb57440-7303-4849-9afc-af0237587870]", show(DataTypes.listOf(DataTypes.UUID), List.of(u)));
        assertEquals("127.0.0.1", show(DataTypes.INET, InetAddress.getByName("127.0.0.1")));
        assertEquals("['127.0.0.1']", show(DataTypes.listOf(DataTypes.INET), List.of(InetAddress.getByName("127.0.0.1"))));
        assertEquals("::1", show(DataTypes.INET, InetAddress.getByName("::1")));
        assertEquals("2001:db8::1", show(DataTypes.INET, InetAddress.getByName("2001:0db8:0:0:0:0:0:1")));
        assertEquals("2001:db8:0:1:1:1:1:1", show(DataTypes.INET, InetAddress.getByName("2001:db8:0:1:1:1:1:1")));
        assertEquals("1::", show(DataTypes.INET, InetAddress.getByName("1:0:0:0:0:0:0:0")));
        assertEquals("::", show(DataTypes.INET, InetAddress.getByName("::")));
        assertEquals("::1.2.3.4", show(DataTypes.INET, InetAddress.getByAddress(
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4})));
    }

    @Test
    void setsAndMapKeysAreSortedAsPythonSortsThem() {
        Set<Object> set = new LinkedHashSet<>(List.of(3, 1, 2));
        assertEquals("{1, 2, 3}", show(DataTypes.setOf(DataTypes.INT), set));
        Set<Object> uuids = new LinkedHashSet<>(List.of(UUID.fromString("ffffffff-0000-1000-8000-000000000000"),
                UUID.fromString("00000000-0000-1000-8000-000000000000")));
        assertEquals("{00000000-0000-1000-8000-000000000000, ffffffff-0000-1000-8000-000000000000}",
                show(DataTypes.setOf(DataTypes.TIMEUUID), uuids));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("b", 2);
        map.put("a", 1);
        assertEquals("{'a': 1, 'b': 2}", show(DataTypes.mapOf(DataTypes.TEXT, DataTypes.INT), map));
        assertEquals("{}", show(DataTypes.mapOf(DataTypes.TEXT, DataTypes.INT), Map.of()));
        assertEquals("[]", show(DataTypes.listOf(DataTypes.INT), List.of()));
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put(1, List.of("x", "y"));
        assertEquals("{1: ['x', 'y']}",
                show(DataTypes.mapOf(DataTypes.INT, DataTypes.frozenListOf(DataTypes.TEXT)), nested));
    }

    @Test
    void tuplesAndUdts() {
        TupleType tt = DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT, DataTypes.BOOLEAN);
        TupleValue tuple = tt.newValue(1, "a", true);
        assertEquals("(1, 'a', True)", show(tt, tuple));
        assertEquals("(1, null, null)", show(tt, tt.newValue(1, null, null)));
        UserDefinedType address = new UserDefinedTypeBuilder(CqlIdentifier.fromInternal("ks"),
                CqlIdentifier.fromInternal("address"))
                .withField(CqlIdentifier.fromInternal("street"), DataTypes.TEXT)
                .withField(CqlIdentifier.fromInternal("zip"), DataTypes.INT)
                .withField(CqlIdentifier.fromInternal("tags"), DataTypes.frozenSetOf(DataTypes.TEXT))
                .build();
        UdtValue udt = address.newValue("Main St", 12345, Set.of("home"));
        assertEquals("{street: 'Main St', zip: 12345, tags: {'home'}}", show(address, udt));
        assertEquals("{street: null, zip: 7, tags: null}", show(address, address.newValue(null, 7, null)));
    }

    @Test
    void vectorsAreShownAsLists() {
        DataType vector = DataTypes.vectorOf(DataTypes.FLOAT, 3);
        assertEquals("[0.1, 2.5, -3]", show(vector, CqlVector.newInstance(0.1f, 2.5f, -3f)));
    }

    @Test
    void nullsAndEmptyValues() {
        assertEquals("null", show(DataTypes.INT, null));
        CodecRegistry codecs = CodecRegistry.DEFAULT;
        assertEquals("null", f.formatCell(DataTypes.INT, null, ProtocolVersion.V4, codecs).text());
        assertEquals("", f.formatCell(DataTypes.INT, ByteBuffer.allocate(0), ProtocolVersion.V4, codecs).text());
        assertEquals("", f.formatCell(DataTypes.TEXT, ByteBuffer.allocate(0), ProtocolVersion.V4, codecs).text());
        assertEquals("0x", f.formatCell(DataTypes.BLOB, ByteBuffer.allocate(0), ProtocolVersion.V4, codecs).text());
        assertEquals("42", f.formatCell(DataTypes.INT, TypeCodecs.INT.encode(42, ProtocolVersion.V4),
                ProtocolVersion.V4, codecs).text());
    }

    @Test
    void wideCharactersCountTwoColumns() {
        FormattedValue v = f.format(DataTypes.TEXT, "日本");
        assertEquals(4, v.displayWidth());
        assertEquals("  日本", v.rjust(6, false));
        assertEquals(1, DisplayWidth.of("e\u0301"));
    }

    @Test
    void colorsWrapValuesWhenOn() {
        CqlValueFormatter colored = new CqlValueFormatter(DisplaySettings.defaults().withColor(true));
        FormattedValue v = colored.format(DataTypes.INT, 5);
        assertEquals("5", v.text());
        assertEquals(Ansi.GREEN + "5" + Ansi.RESET, v.colored());
        assertEquals(1, v.displayWidth());
        FormattedValue list = colored.format(DataTypes.listOf(DataTypes.INT), List.of(1));
        assertEquals(Ansi.BLUE + "[" + Ansi.RESET + Ansi.GREEN + "1" + Ansi.RESET + Ansi.BLUE + "]" + Ansi.RESET,
                list.colored());
        assertEquals(3, list.displayWidth());
    }
}
