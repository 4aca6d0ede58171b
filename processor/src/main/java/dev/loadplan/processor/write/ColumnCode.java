package dev.loadplan.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.loadplan.processor.model.Accessor;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.ScalarType;

/** The code that reads a column from a row by index, and the expression that binds a field's value. */
final class ColumnCode {

    private static final ClassName COLUMN_READS = ClassName.get("dev.loadplan.internal", "ColumnReads");

    private ColumnCode() {
    }

    /**
     * An expression reading column {@code offset + index + 1} of {@code row} as {@code type}: a typed getter
     * where JDBC has one that keeps NULL apart, otherwise {@code getObject(index, Type.class)}.
     */
    static CodeBlock read(ScalarType type, TypeName javaType, int index) {
        CodeBlock position = CodeBlock.of("offset + $L", index + 1);
        return readAt(type, javaType, position);
    }

    static CodeBlock readAt(ScalarType type, TypeName javaType, CodeBlock position) {
        if (type == ScalarType.ENUM) {
            throw new IllegalArgumentException("enums are read through a local, see readEnum");
        }
        if (type.getter() != null) {
            return CodeBlock.of("row.$L($L)", type.getter(), position);
        }
        if (type == ScalarType.INSTANT) {
            return CodeBlock.of("$T.instant(row, $L)", COLUMN_READS, position);
        }
        return CodeBlock.of("row.getObject($L, $T.class)", position, javaType);
    }

    /**
     * Statements setting the field of {@code target} from a column holding an enum's name: the mapping's
     * {@code constant}, which names the row and the label when the enum lacks it.
     */
    static CodeBlock readEnum(ColumnModel column, String target, int index) {
        String name = column.field() + "Name";
        return CodeBlock.builder()
                .addStatement("String $L = row.getString(offset + $L)", name, index + 1)
                .addStatement(assign(column.access(), target, enumConstant(name, index)))
                .build();
    }

    /** The enum constant named by the local {@code name}, read from column {@code index}; null for NULL. */
    static CodeBlock enumConstant(String name, int index) {
        return CodeBlock.of("$L == null ? null : constant($L, row, offset, $L)", name, name, index);
    }

    /** Sets a field of {@code target} to {@code value}: {@code target.title = value} or {@code target.setTitle(value)}. */
    static CodeBlock assign(Accessor access, String target, CodeBlock value) {
        return access.setter() != null
                ? CodeBlock.of("$L.$L($L)", target, access.setter(), value)
                : CodeBlock.of("$L.$L = $L", target, access.field(), value);
    }
}
