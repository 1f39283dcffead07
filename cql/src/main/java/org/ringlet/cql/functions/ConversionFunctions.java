package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.types.ValueFormats;

/**
 * The blob conversion functions: {@code <type>_as_blob} and {@code blob_as_<type>} for every native type (also
 * under the pre-5.0 names {@code <type>asblob} and {@code blobas<type>}, and for {@code varchar}).
 */
final class ConversionFunctions {
    private ConversionFunctions() {
    }

    static void addTo(FunctionRegistry r) {
        for (NativeType.Kind kind : NativeType.Kind.values()) {
            NativeType type = NativeType.of(kind);
            if (type == NativeType.BLOB) {
                continue;
            }
            for (String name : type == NativeType.TEXT ? List.of("text", "varchar") : List.of(type.cqlName())) {
                r.addWithLegacy(NativeScalarFunction.of(name + "_as_blob", NativeType.BLOB, List.of(type),
                        args -> args.get(0)), name + "asblob");
                r.add(fromBlob("blob_as_" + name, type));
                r.add(fromBlob("blobas" + name, type));
            }
        }
    }

    private static NativeScalarFunction fromBlob(String name, NativeType type) {
        return NativeScalarFunction.of(name, type, List.of(NativeType.BLOB), args -> {
            ByteBuffer v = args.get(0);
            try {
                type.validate(v);
            } catch (MarshalException e) {
                throw new InvalidRequestException("In call to function system." + name + ", value "
                        + ValueFormats.hex(v) + " is not a valid binary representation for type " + type.cqlName());
            }
            return v;
        });
    }
}
