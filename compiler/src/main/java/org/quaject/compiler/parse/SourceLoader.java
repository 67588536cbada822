package org.quaject.compiler.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.diag.SourceFile;
import org.quaject.compiler.parse.antlr.QjLexer;
import org.quaject.compiler.parse.antlr.QjParser;

/**
 * Reads the main {@code .qj} file and every file it imports, and parses them.
 *
 * <p>{@code import "NAME"} looks for {@code NAME.qj} beside the importing file, then
 * in the library bundled with the compiler ({@code runtime-m68k/lib/}), which holds
 * the device quajects of the virt68030 board. Each file is read once however often
 * it is imported.
 */
public final class SourceLoader {

    /** Where the bundled library lives on the compiler's class path. */
    static final String LIBRARY = "qj/runtime/lib/";

    /** How diagnostics name the files of the bundled library. */
    private static final String LIBRARY_NAME = "lib/";

    /** Files larger than this are not .qj sources anyone wrote. */
    private static final long MAX_SOURCE_BYTES = 4L << 20;

    private final Diagnostics diagnostics;
    private final Map<String, ParsedFile> loaded = new LinkedHashMap<>();
    private final List<Path> filesRead = new ArrayList<>();

    public SourceLoader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** A parsed file; {@code imported} is false only for the main file. */
    public record ParsedFile(SourceFile source, QjParser.FileContext tree, boolean imported) {
    }

    /**
     * Loads the main file and its imports, main file first. Returns what could be
     * parsed; problems are in the diagnostics.
     */
    public List<ParsedFile> load(Path mainFile) {
        Optional<SourceFile> main = readFile(mainFile, mainFile.toString(), null);
        main.ifPresent(source -> parse(source, mainFile, identity(mainFile), false));
        return new ArrayList<>(loaded.values());
    }

    /**
     * The files {@link #load} read from disk: the main file and the imports
     * found beside their importers, not those of the bundled library, which
     * come with the compiler.
     */
    public List<Path> filesRead() {
        return List.copyOf(filesRead);
    }

    /** One file is one file however its path is spelled. */
    private static String identity(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /**
     * @param path     the file's path as the user would spell it (imports beside it
     *                 are named relative to it), or null for a library file
     * @param identity the key that says whether a file was already read
     */
    private void parse(SourceFile source, Path path, String identity, boolean imported) {
        QjParser.FileContext tree = parse(source, diagnostics);
        loaded.put(identity, new ParsedFile(source, tree, imported));
        for (QjParser.ImportDeclContext importDecl : tree.importDecl()) {
            if (importDecl.path != null) {
                Position at = new Position(source, importDecl.path.getLine(), importDecl.path.getCharPositionInLine() + 1);
                resolveImport(Strings.unquote(importDecl.path.getText()), path, at);
            }
        }
    }

    /** Parses one file's text, reporting syntax errors to {@code errors}. */
    private static QjParser.FileContext parse(SourceFile source, Diagnostics errors) {
        QjLexer lexer = new QjLexer(CharStreams.fromString(source.text(), source.displayName()));
        QjParser parser = new QjParser(new CommonTokenStream(lexer));
        SyntaxErrors listener = new SyntaxErrors(source, errors);
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        return parser.file();
    }

    /** Parses source the compiler wrote itself: a syntax error in it is a bug in the compiler. */
    static QjParser.FileContext parseWritten(SourceFile source) {
        Diagnostics errors = new Diagnostics();
        QjParser.FileContext tree = parse(source, errors);
        if (errors.hasErrors()) {
            throw new IllegalStateException(String.join("\n", errors.render()) + "\nin:\n" + source.text());
        }
        return tree;
    }

    private void resolveImport(String name, Path importer, Position at) {
        OptionalInt control = name.codePoints().filter(Character::isISOControl).findFirst();
        if (control.isPresent()) {
            diagnostics.error(at, "an import names a file, and \"%s\" holds the control character U+%04X",
                    name.codePoints().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
                            : Character.toString(c)).collect(Collectors.joining()), control.getAsInt());
            return;
        }
        String fileName = name.endsWith(".qj") ? name : name + ".qj";
        Path beside;
        try {
            beside = importer == null ? null : importer.resolveSibling(fileName).normalize();
        } catch (InvalidPathException e) {
            diagnostics.error(at, "cannot find import \"%s\": not a file name on this system (%s)", name,
                    e.getReason());
            return;
        }
        if (beside != null && Files.isRegularFile(beside)) {
            String identity = isBundled(beside) ? LIBRARY_NAME + beside.getFileName() : identity(beside);
            if (!loaded.containsKey(identity)) {
                readFile(beside, beside.toString(), at).ifPresent(s -> parse(s, beside, identity, true));
            }
            return;
        }
        String displayName = LIBRARY_NAME + fileName;
        if (loaded.containsKey(displayName)) {
            return;
        }
        Optional<SourceFile> bundled = readLibrary(fileName, displayName, at);
        if (bundled.isPresent()) {
            parse(bundled.get(), null, displayName, true);
        } else {
            Path directory = importer == null ? null : importer.toAbsolutePath().getParent();
            diagnostics.error(at, "cannot find import \"%s\": no %s in %s nor in the bundled library",
                    name, fileName, directory == null ? "the library" : directory);
        }
    }

    private Optional<SourceFile> readFile(Path path, String displayName, Position importedAt) {
        filesRead.add(path);
        try {
            if (Files.size(path) > MAX_SOURCE_BYTES) {
                diagnostics.error(at(importedAt, displayName), "file is too large to be a .qj source (%d bytes)", Files.size(path));
                return Optional.empty();
            }
            return decode(Files.readAllBytes(path), displayName, importedAt);
        } catch (NoSuchFileException e) {
            diagnostics.error(at(importedAt, displayName), "no such file");
        } catch (IOException e) {
            diagnostics.error(at(importedAt, displayName), "cannot read file: %s", e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Whether {@code file} is a bundled library file by another name (the
     * checkout's own runtime-m68k/lib, say): same name, same bytes. Imported
     * either way, it is read once.
     */
    private static boolean isBundled(Path file) {
        try (InputStream in = SourceLoader.class.getClassLoader()
                .getResourceAsStream(LIBRARY + file.getFileName())) {
            return in != null && Files.size(file) <= MAX_SOURCE_BYTES
                    && Arrays.equals(in.readAllBytes(), Files.readAllBytes(file));
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<SourceFile> readLibrary(String fileName, String displayName, Position importedAt) {
        try (InputStream in = SourceLoader.class.getClassLoader().getResourceAsStream(LIBRARY + fileName)) {
            return in == null ? Optional.empty() : decode(in.readAllBytes(), displayName, importedAt);
        } catch (IOException e) {
            diagnostics.error(importedAt, "cannot read the bundled %s: %s", displayName, e.getMessage());
            return Optional.empty();
        }
    }

    /** A .qj file is UTF-8 text; anything else (a binary, say) gets one clear error. */
    private Optional<SourceFile> decode(byte[] bytes, String displayName, Position importedAt) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                SourceFile file = new SourceFile(displayName, text);
                diagnostics.error(file.positionOf(nul), "not a text file: it contains a NUL byte");
                return Optional.empty();
            }
            return Optional.of(new SourceFile(displayName, text));
        } catch (CharacterCodingException e) {
            diagnostics.error(at(importedAt, displayName), "not a text file: it is not valid UTF-8");
            return Optional.empty();
        }
    }

    /** Problems with a file are reported at the file's first line, or at the import that named it. */
    private static Position at(Position importedAt, String displayName) {
        return importedAt != null ? importedAt : new Position(new SourceFile(displayName, ""), 1, 1);
    }
}
