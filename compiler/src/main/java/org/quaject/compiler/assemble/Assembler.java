package org.quaject.compiler.assemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quaject.binutils.Toolchain;
import org.quaject.binutils.ToolchainException;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.diag.SourceFile;
import org.quaject.compiler.generate.Symbols;

/**
 * Runs {@code m68k-linux-gnu-as} for the 68030. The generated files carry line
 * markers, so the assembler names .qj files and lines in its messages; those
 * become diagnostics at the .qj line, with holes written back in .qj notation.
 */
public final class Assembler {

    /** Options every file is assembled with: the 68030, registers without '%', DWARF line info. */
    public static final List<String> OPTIONS = List.of("-m68030", "--register-prefix-optional", "-g");

    private static final Pattern MESSAGE = Pattern.compile("^(.+?):(\\d+): (Error|Fatal error|Warning): (.*)$");

    /** A message about the file as a whole, such as a numeric local label used but never defined. */
    private static final Pattern FILE_MESSAGE = Pattern.compile("^(.+?): (Error|Warning): (.*)$");

    private static final Pattern UNDEFINED_LOCAL_LABEL =
            Pattern.compile("local label `\"(\\d+)\" \\(instance number \\d+ of a fb label\\)' is not defined");

    private final Toolchain toolchain;
    private final Path workDirectory;

    /** An assembler for the files of one build, all of them somewhere below {@code workDirectory}. */
    public Assembler(Toolchain toolchain, Path workDirectory) {
        this.toolchain = toolchain;
        this.workDirectory = workDirectory.toAbsolutePath();
    }

    /**
     * Assembles {@code source} into {@code object}. Messages about .qj lines are
     * reported in {@code diagnostics}; messages about generated lines are compiler
     * bugs and throw.
     *
     * @param sources  the .qj files by display name, to map messages back to
     * @param wholeFile where to report messages that name no line: the declaration
     *                 the generated file comes from, or null for files the compiler
     *                 ships, whose messages are compiler bugs
     * @return whether the object was written
     */
    public boolean assemble(Path source, Path object, Map<String, SourceFile> sources, Position wholeFile,
                            Diagnostics diagnostics) {
        List<String> args = new ArrayList<>(OPTIONS);
        // The work directory is a temporary one; without it, the line table
        // names files as diagnostics do (relative to where qj ran, or as
        // boot/... and runtime-m68k/... for the bundled sources), and crash
        // reports show those names.
        args.add("--debug-prefix-map=" + workDirectory + "=.");
        // Named relative to the directory it is assembled in, as the line table joins the two.
        args.addAll(List.of("-o", object.toString(), source.getFileName().toString()));
        Toolchain.Result result = toolchain.run("as", args, source.getParent());
        boolean reported = false;
        for (String line : result.stderr().split("\n")) {
            Matcher m = MESSAGE.matcher(line);
            if (!m.matches()) {
                reported |= reportWholeFile(line, source, wholeFile, diagnostics);
                continue;
            }
            SourceFile file = sources.get(m.group(1));
            String message = readable(m.group(4));
            if (file == null) {
                throw new ToolchainException("internal error: the assembler rejected generated code at "
                        + m.group(1) + ":" + m.group(2) + ": " + message + " (in " + source + ")");
            }
            int lineNumber = Integer.parseInt(m.group(2));
            Position position = new Position(file, lineNumber, file.firstColumnOf(lineNumber));
            if (!m.group(3).equals("Warning")) {
                diagnostics.error(position, "%s", message);
            } else {
                diagnostics.warning(position, "%s", message);
            }
            reported = true;
        }
        if (!result.ok() && !reported) {
            if (wholeFile == null) {
                throw new ToolchainException("the assembler failed on " + source + ": " + result.stderr().strip());
            }
            // The tool names itself by its path: "/usr/bin/m68k-linux-gnu-as: out of memory allocating ...".
            String said = readable(result.stderr().strip().replaceFirst("^\\S*as: ", ""));
            diagnostics.error(wholeFile, "the assembler stopped without naming a line: %s%s", said,
                    said.contains("out of memory") ? " (each tool may take 1 GiB: does a body repeat (.rept) or"
                            + " include (.include) without bound?)" : "");
        }
        return result.ok();
    }

    private static boolean reportWholeFile(String line, Path source, Position wholeFile, Diagnostics diagnostics) {
        Matcher m = FILE_MESSAGE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        String message = readable(UNDEFINED_LOCAL_LABEL.matcher(m.group(3))
                .replaceFirst("local label $1 is used ($1f or $1b) but there is no $1: to go to"));
        if (wholeFile == null) {
            throw new ToolchainException("internal error: the assembler rejected " + source + ": " + message);
        }
        if (m.group(2).equals("Error")) {
            diagnostics.error(wholeFile, "%s", message);
        } else {
            diagnostics.warning(wholeFile, "%s", message);
        }
        return true;
    }

    /** The assembler's message in the compiler's style, speaking .qj names. */
    static String readable(String message) {
        String text = Symbols.toSource(message);
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
