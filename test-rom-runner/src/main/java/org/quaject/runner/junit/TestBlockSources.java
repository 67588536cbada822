package org.quaject.runner.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.report.CodeLocator;
import org.quaject.runner.report.SourcePosition;

/**
 * Where an image's test blocks were written, as the test source URIs of their
 * dynamic tests: the {@code .qj} file and line where a test's code starts,
 * which IDEs open from a test result, else the image itself.
 *
 * <p>A source also decides how Maven Surefire names a dynamic test in its
 * reports: one whose source is a file is reported under its display name (the
 * test block's name), where one without a source of its own would be named
 * after its factory method and an index ({@code counter()[1]}).
 *
 * <p>The line comes from the image's DWARF line table at the test's entry,
 * {@code qj_test_N} (docs/language.md, section 11), which names the file as it
 * was given to the compiler; a relative name is looked for from the working
 * directory, and a file not found there gives the image instead.
 */
final class TestBlockSources {

    private final Path image;
    private final CodeLocator locator;

    private TestBlockSources(Path image, CodeLocator locator) {
        this.image = image;
        this.locator = locator;
    }

    static TestBlockSources of(Path image) {
        try {
            return new TestBlockSources(image, CodeLocator.of(image, ElfFile.read(image)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + image + ": " + e.getMessage(), e);
        } catch (ElfFormatException e) {
            throw new IllegalArgumentException("cannot read " + image + ": " + e.getMessage(), e);
        }
    }

    /** The image itself, the source of what concerns the run as a whole. */
    URI image() {
        return image.toAbsolutePath().toUri();
    }

    /** Where test {@code number} (from 1) was written, as JUnit's file URI with a line, or the image. */
    URI test(GuestSession guest, int number) {
        String entry = "qj_test_" + number;
        if (!guest.hasSymbol(entry)) {
            return image();
        }
        return locator.sourcePosition(guest.address(entry))
                .filter(position -> Files.isRegularFile(position.file()))
                .map(TestBlockSources::uri)
                .orElseGet(this::image);
    }

    /** JUnit's notation for a line of a file (FileSource, FilePosition): the query {@code line=N}. */
    private static URI uri(SourcePosition position) {
        return URI.create(position.file().toAbsolutePath().normalize().toUri() + "?line=" + position.line());
    }
}
