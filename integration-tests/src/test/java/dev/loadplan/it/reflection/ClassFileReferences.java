package dev.loadplan.it.reflection;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a class file refers to, read from its constant pool: classes, methods with their owners, and type
 * descriptors. Enough to tell whether compiled code uses reflection, without loading the class.
 */
final class ClassFileReferences {

    /** A method or field a class calls or reads, as {@code owner.name}. */
    record Member(String owner, String name) {
    }

    final List<String> classes = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    final List<String> descriptors = new ArrayList<>();

    static ClassFileReferences read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        data.readUnsignedShort();
        data.readUnsignedShort();
        int count = data.readUnsignedShort();
        Object[] pool = new Object[count];
        int[][] refs = new int[count][];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = data.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> pool[i] = data.readUTF();
                case 3, 4 -> data.readInt();
                case 5, 6 -> {
                    data.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {data.readUnsignedShort()};
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {data.readUnsignedShort(), data.readUnsignedShort()};
                case 15 -> {
                    data.readUnsignedByte();
                    refs[i] = new int[] {data.readUnsignedShort()};
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        ClassFileReferences references = new ClassFileReferences();
        for (int i = 1; i < count; i++) {
            switch (tags[i]) {
                case 1 -> references.descriptors.add((String) pool[i]);
                case 7 -> references.classes.add((String) pool[refs[i][0]]);
                case 9, 10, 11 -> {
                    String owner = (String) pool[refs[refs[i][0]][0]];
                    String name = (String) pool[refs[refs[i][1]][0]];
                    references.members.add(new Member(owner, name));
                }
                default -> {
                }
            }
        }
        return references;
    }
}
