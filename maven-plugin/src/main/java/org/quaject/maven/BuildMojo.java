package org.quaject.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.quaject.compiler.KernelSources;

/**
 * Compiles each kernel of the source directory into its image in the image
 * directory, as {@code qj build KERNEL.qj -o IMAGES/KERNEL} does; a kernel
 * whose image is newer than its source and every file it imports is not
 * compiled again.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class BuildMojo extends KernelsMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<Path> kernels = Kernels.in(sourceDirectory);
        if (kernels.isEmpty()) {
            getLog().info("No kernels to compile: no .qj file in " + sourceDirectory + " declares a kernel");
            return;
        }
        List<Path> toCompile = new ArrayList<>();
        for (Path kernel : kernels) {
            Optional<String> why = reasonToCompile(kernel);
            if (why.isPresent()) {
                getLog().info(kernel.getFileName() + ": " + why.get());
                toCompile.add(kernel);
            }
        }
        if (toCompile.isEmpty()) {
            getLog().info("Nothing to compile: " + count(kernels.size()) + (kernels.size() == 1 ? " is" : " are")
                    + " up to date in " + imageDirectory);
            return;
        }
        getLog().info("Compiling " + toCompile.size() + " of " + count(kernels.size()) + " into " + imageDirectory);
        List<String> failed = new ArrayList<>();
        for (Path kernel : toCompile) {
            QjCommand.Result result = QjCommand.run(List.of("build", kernel.toString(), "-o",
                    Kernels.imageBase(imageDirectory, kernel).toString()), getLog()::info, line -> { });
            // Diagnostics are errors if the kernel did not compile, else warnings.
            result.errors().lines().forEach(result.succeeded() ? getLog()::warn : getLog()::error);
            if (result.exitStatus() == QjCommand.USAGE) {
                throw new MojoExecutionException("qj build " + kernel + ": " + result.errors());
            }
            if (!result.succeeded()) {
                failed.add(kernel.getFileName().toString());
            }
        }
        if (!failed.isEmpty()) {
            throw new MojoFailureException("Compilation failure: " + String.join(", ", failed)
                    + (failed.size() == 1 ? " does" : " do") + " not compile (the errors are above)");
        }
    }

    private static String count(int kernels) {
        return kernels + (kernels == 1 ? " kernel" : " kernels");
    }

    /**
     * Why the kernel must be compiled: an image file is missing, or the kernel
     * or a file it imports changed since the image was written; empty if it is up to date.
     */
    private Optional<String> reasonToCompile(Path kernel) throws MojoExecutionException {
        try {
            FileTime written = null;
            for (String extension : Kernels.IMAGE_EXTENSIONS) {
                Path image = Kernels.image(imageDirectory, kernel, extension);
                if (!Files.isRegularFile(image)) {
                    return Optional.of("no image yet (" + image.getFileName() + ")");
                }
                FileTime time = Files.getLastModifiedTime(image);
                written = written == null || time.compareTo(written) < 0 ? time : written;
            }
            FileTime imageWritten = written;
            List<Path> changed = new ArrayList<>();
            for (Path input : KernelSources.inputs(kernel)) {
                if (!Files.exists(input) || Files.getLastModifiedTime(input).compareTo(imageWritten) > 0) {
                    changed.add(input);
                }
            }
            return changed.isEmpty() ? Optional.empty() : Optional.of("changed since its image was written: "
                    + changed.stream().map(Path::toString).collect(Collectors.joining(", ")));
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("cannot tell whether " + kernel + " changed: " + e.getMessage(), e);
        }
    }
}
