package org.ringlet.node.management;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.ringlet.api.ring.PartitionKeys;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;

/**
 * A partition key given as text (nodetool getendpoints): one value per partition key column, separated by
 * {@code :} for composite keys, as Cassandra reads them.
 */
final class KeyText {
    private KeyText() {
    }

    /**
     * The serialized partition key.
     *
     * @throws IllegalArgumentException naming the column and type when a value does not parse
     */
    static ByteBuffer parse(TableMetadata table, String key) {
        List<ColumnMetadata> columns = table.partitionKeyColumns();
        String[] parts = columns.size() == 1 ? new String[] {key} : key.split(":", -1);
        if (parts.length != columns.size()) {
            throw new IllegalArgumentException("The key of " + table.keyspace() + "." + table.name() + " has "
                    + columns.size() + " components; give them separated by ':'");
        }
        List<ByteBuffer> values = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            values.add(value(columns.get(i), parts[i]));
        }
        return values.size() == 1 ? values.get(0) : PartitionKeys.composite(values);
    }

    private static ByteBuffer value(ColumnMetadata column, String text) {
        CqlType type = column.type();
        String name = type.cqlName();
        try {
            Object value = switch (name) {
                case "text", "varchar", "ascii" -> null;
                case "int" -> Integer.parseInt(text);
                case "bigint", "counter" -> Long.parseLong(text);
                case "smallint" -> Short.parseShort(text);
                case "tinyint" -> Byte.parseByte(text);
                case "varint" -> new BigInteger(text);
                case "decimal" -> new BigDecimal(text);
                case "double" -> Double.parseDouble(text);
                case "float" -> Float.parseFloat(text);
                case "boolean" -> Boolean.parseBoolean(text);
                case "uuid", "timeuuid" -> UUID.fromString(text);
                case "inet" -> InetAddress.getByName(text);
                case "blob" -> ByteBuffer.wrap(HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2)
                        : text));
                case "timestamp" -> text.matches("-?\\d+") ? Instant.ofEpochMilli(Long.parseLong(text))
                        : Instant.parse(text);
                default -> throw new IllegalArgumentException("keys of type " + name + " cannot be given as text yet");
            };
            return value == null ? ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)) : type.decompose(value);
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + name + " for column "
                    + column.name() + ": " + e.getMessage(), e);
        }
    }
}
