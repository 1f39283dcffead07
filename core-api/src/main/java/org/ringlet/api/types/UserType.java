package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * A user-defined type of a keyspace, frozen or not. Non-frozen UDTs store one cell per field, the field index
 * (a smallint) being the cell path. Field values are always frozen ({@link #fieldTypes()}); the schema shows the
 * field types as they were declared ({@link #declaredFieldTypes()}, e.g. {@code set<text>}).
 */
public final class UserType extends CqlType {
    private final String keyspace;
    private final String name;
    private final List<String> fieldNames;
    private final List<CqlType> fieldTypes;
    private final List<CqlType> declaredFieldTypes;
    private final boolean multiCell;

    private UserType(String keyspace, String name, List<String> fieldNames, List<CqlType> fieldTypes,
                     boolean multiCell) {
        this.keyspace = requireNonNull(keyspace, "keyspace is null");
        this.name = requireNonNull(name, "name is null");
        this.fieldNames = List.copyOf(fieldNames);
        this.declaredFieldTypes = List.copyOf(fieldTypes);
        this.fieldTypes = fieldTypes.stream().map(CqlType::freeze).toList();
        if (this.fieldNames.size() != this.fieldTypes.size()) {
            throw new IllegalArgumentException("field names and types differ in number");
        }
        this.multiCell = multiCell;
    }

    /** A non-frozen UDT. */
    public static UserType of(String keyspace, String name, List<String> fieldNames, List<CqlType> fieldTypes) {
        return new UserType(keyspace, name, fieldNames, fieldTypes, true);
    }

    /** A frozen UDT. */
    public static UserType frozen(String keyspace, String name, List<String> fieldNames,
                                  List<CqlType> fieldTypes) {
        return new UserType(keyspace, name, fieldNames, fieldTypes, false);
    }

    public String keyspace() {
        return keyspace;
    }

    /** The type's name, unquoted. */
    public String name() {
        return name;
    }

    public List<String> fieldNames() {
        return fieldNames;
    }

    public List<CqlType> fieldTypes() {
        return fieldTypes;
    }

    /** The field types as declared (collections may be non-frozen), as the schema shows them. */
    public List<CqlType> declaredFieldTypes() {
        return declaredFieldTypes;
    }

    /** The index of a field, or -1. */
    public int fieldIndex(String fieldName) {
        return fieldNames.indexOf(fieldName);
    }

    /** This type with its fields replaced (ALTER TYPE; types as declared), keeping frozenness. */
    public UserType withFields(List<String> names, List<CqlType> types) {
        return new UserType(keyspace, name, names, types, multiCell);
    }

    @Override
    public String cqlName() {
        String n = Identifiers.maybeQuote(name);
        return multiCell ? n : "frozen<" + n + ">";
    }

    @Override
    public int compare(ByteBuffer left, ByteBuffer right) {
        return FieldsSupport.compare(fieldTypes, left, right);
    }

    @Override
    public void validate(ByteBuffer value) {
        FieldsSupport.validate(fieldTypes, value, name);
    }

    @Override
    public Object compose(ByteBuffer value) {
        return FieldsSupport.compose(fieldTypes, value, name);
    }

    @Override
    public ByteBuffer decompose(Object value) {
        return FieldsSupport.decompose(fieldTypes, value, name);
    }

    @Override
    public int protocolTypeId() {
        return 0x0030;
    }

    @Override
    public boolean isMultiCell() {
        return multiCell;
    }

    @Override
    public CqlType freeze() {
        return multiCell ? new UserType(keyspace, name, fieldNames, declaredFieldTypes, false) : this;
    }

    @Override
    public CqlType cellPathType() {
        if (!multiCell) {
            return super.cellPathType();
        }
        return NativeType.SMALLINT;
    }

    @Override
    public List<CqlType> subTypes() {
        return fieldTypes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserType t && t.multiCell == multiCell && t.keyspace.equals(keyspace)
                && t.name.equals(name) && t.fieldNames.equals(fieldNames)
                && t.declaredFieldTypes.equals(declaredFieldTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyspace, name, fieldNames, declaredFieldTypes, multiCell);
    }
}
