package org.quaject.compiler.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.quaject.compiler.model.HoleRef;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;

/**
 * How the names of the .qj source become assembler and linker symbols. All the
 * conventions are here, so that the code generator, the linker script and the
 * readers of object files agree.
 *
 * <p>{@code $} joins the parts: it cannot appear in a .qj name, and unlike
 * {@code .} it cannot be mistaken for an operand size suffix ({@code sym.w}).
 */
public final class Symbols {

    /** Prefix of the undefined symbols that stand for the holes of a template. */
    public static final String HOLE_PREFIX = "hole$";

    private Symbols() {
    }

    /** The symbol standing for hole {@code @name} in a quaject template. */
    public static String hole(String name) {
        return HOLE_PREFIX + name;
    }

    /** The section that holds a class's template in its own object file. */
    public static String templateSection(String className) {
        return ".qjt." + className;
    }

    /**
     * The section of an inline callentry's body in the template's isolated
     * variant, where the body is assembled apart from the rest of the block.
     */
    public static String inlineBodySection(String entry) {
        return ".qjinline." + entry;
    }

    /** The section that holds a static instance's block, after it is made from the template. */
    public static String instanceSection(String instanceName) {
        return ".qji." + instanceName;
    }

    /** Local label of a callentry inside the template. */
    public static String entryLabel(String entry) {
        return "entry$" + entry;
    }

    /** Local label of a callout's or callback's default body inside the template. */
    public static String defaultLabel(String slot) {
        return "default$" + slot;
    }

    /** Local label of a data field inside the template. */
    public static String fieldLabel(String field) {
        return "field$" + field;
    }

    /** The global symbol of an instance's member: its address, or for a parameter its value. */
    public static String instanceMember(String instance, String member) {
        return instance + "$" + member;
    }

    /** The global symbol of the start of an instance's block. */
    public static String instanceBase(String instance) {
        return instanceMember(instance, "self");
    }

    /**
     * The global symbol of the copy of a class's template that the image carries.
     * The doubled {@code $} keeps it apart from every instance member symbol.
     */
    public static String template(String className) {
        return className + "$$template";
    }

    /**
     * The global symbol of a class's descriptor, what the run-time synthesizer
     * creates instances from: {@code @Class} in the kernel's bodies.
     */
    public static String classDescriptor(String className) {
        return className + "$$class";
    }

    /**
     * The global symbol of a class's creation stub, qj_create with the
     * parameters in registers: {@code @Class.create} in the kernel's bodies.
     */
    public static String creationStub(String className) {
        return className + "$$create";
    }

    /**
     * The symbol of a hole that names a class, in any body: {@code @Counter}
     * is its descriptor, {@code @Counter.create} its creation stub,
     * {@code @Counter.inc} a callentry's or field's offset in its blocks,
     * {@code @Counter.reader} a slot's number.
     */
    public static String classHole(HoleRef hole, Program program) {
        if (!hole.hasMember()) {
            return classDescriptor(hole.name());
        }
        if (hole.member().equals(QuajectClass.CREATE)) {
            return creationStub(hole.name());
        }
        boolean slot = program.quajectClass(hole.name()).flatMap(q -> q.slot(hole.member())).isPresent();
        return slot ? classSlotNumber(hole.name(), hole.member()) : classMemberOffset(hole.name(), hole.member());
    }

    /**
     * The absolute symbol whose value is where a callentry or field lies in
     * the blocks of a class: {@code @Class.member} in the kernel's bodies, for
     * reaching into instances created at run time.
     */
    public static String classMemberOffset(String className, String member) {
        return className + "$$offset$" + member;
    }

    /**
     * The absolute symbol whose value is a slot's number in its class, what
     * qj_link and qj_unlink take: {@code @Class.slot} in the kernel's bodies.
     */
    public static String classSlotNumber(String className, String slot) {
        return className + "$$slot$" + slot;
    }

    /** The global symbol of a class's table of inline callentries. */
    public static String inlineTable(String className) {
        return className + "$$inline";
    }

    /** The global symbol of a class's hole table. */
    public static String holeTable(String className) {
        return className + HOLE_TABLE_SUFFIX;
    }

    /** The class whose hole table {@code symbol} is, if it is one. */
    public static Optional<String> holeTableClass(String symbol) {
        return symbol.endsWith(HOLE_TABLE_SUFFIX)
                ? Optional.of(symbol.substring(0, symbol.length() - HOLE_TABLE_SUFFIX.length())) : Optional.empty();
    }

    /**
     * Rewrites the symbols of this class back into .qj notation, for messages
     * that quote generated code: {@code hole$count} → {@code @count},
     * {@code c1$self} → {@code @c1}, {@code c1$count} → {@code @c1.count}.
     */
    public static String toSource(String text) {
        return text.replaceAll("hole\\$([A-Za-z_][A-Za-z0-9_]*)", "@$1")
                .replaceAll("\\b([A-Za-z_][A-Za-z0-9_]*)\\$\\$class\\b", "@$1")
                .replaceAll("\\b([A-Za-z_][A-Za-z0-9_]*)\\$\\$create\\b", "@$1.create")
                .replaceAll("\\b([A-Za-z_][A-Za-z0-9_]*)\\$\\$(offset|slot)\\$([A-Za-z_][A-Za-z0-9_]*)", "@$1.$3")
                .replaceAll("\\b([A-Za-z_][A-Za-z0-9_]*)\\$self\\b", "@$1")
                .replaceAll("\\b([A-Za-z_][A-Za-z0-9_]*)\\$([A-Za-z_][A-Za-z0-9_]*)", "@$1.$2");
    }

    private static final String HOLE_TABLE_SUFFIX = "$$holes";

    /** Longest work file name kept whole: file systems take 255 bytes, and names are ASCII. */
    private static final int WHOLE_FILE_NAME = 200;

    /**
     * A file name in the compiler's work directory for something named
     * {@code name}; a name too long for the file system is cut and made unique
     * again by its hash.
     */
    public static String workFileName(String prefix, String name, String extension) {
        String whole = prefix + name + extension;
        if (whole.length() <= WHOLE_FILE_NAME) {
            return whole;
        }
        return prefix + name.substring(0, WHOLE_FILE_NAME / 2) + "-" + sha256(name).substring(0, 32) + extension;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
