package org.quaject.cli;

import java.io.IOException;
import java.util.stream.Collectors;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.ImageInfo;
import org.quaject.runner.ImageTestBlocks;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one test {@code qj test --only NAME} runs: its number in the image's
 * harness table, which the boot command line passes to the harness
 * ({@code qj.only=N}), and its own console input. The name is looked up in the
 * image before it boots, so that a name no test has is a usage error that
 * lists the names there are, on every engine alike.
 *
 * @param number the test's number in the image, from 1
 * @param input  the console input the test declares
 */
record OnlyTest(int number, byte[] input) {

    /** The image's test named {@code name}; a usage error if the image has none of that name. */
    static OnlyTest find(CommandSpec spec, ImageArgument.Image image, String name) {
        if (image.disk().isPresent()) {
            // The board boots the loader; the kernel's test names are inside the disk image.
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--only cannot pick a test of a disk image (.img): give its kernel's .qj or .elf");
        }
        ImageTestBlocks tests = tests(spec, image);
        return tests.number(name)
                .map(number -> new OnlyTest(number, tests.input(number)))
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "--only: the image has no test named " + quoted(name) + "; " + names(tests)));
    }

    /** What the image says about itself, with this test's input as the console input. */
    ImageInfo info(ImageInfo image) {
        return new ImageInfo(image.ramBytes(), input, image.devices());
    }

    private static ImageTestBlocks tests(CommandSpec spec, ImageArgument.Image image) {
        try {
            return ImageTestBlocks.of(ElfFile.read(image.elf()), image.info().consoleInput());
        } catch (IOException | ElfFormatException e) {
            // ImageArgument read the same file a moment ago.
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--only: cannot read the tests of " + image.elf() + ": " + e.getMessage());
        }
    }

    private static String names(ImageTestBlocks tests) {
        if (tests.names().isEmpty()) {
            return "it has no tests";
        }
        return "its tests are " + tests.names().stream().map(OnlyTest::quoted).collect(Collectors.joining(", "));
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
