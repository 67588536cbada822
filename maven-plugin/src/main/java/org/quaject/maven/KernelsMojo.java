package org.quaject.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** What both goals know of a project: where its kernels are, and where their images go. */
abstract class KernelsMojo extends AbstractMojo {

    /** Where the kernels are: each .qj file that declares a kernel; the others are libraries they import. */
    @Parameter(property = "qj.sourceDirectory", defaultValue = "${project.basedir}/src/main/qj")
    File sourceDirectory;

    /** Where each kernel's image is: NAME.elf, NAME.rom, NAME.map and NAME.img. */
    @Parameter(property = "qj.imageDirectory", defaultValue = "${project.build.directory}/images")
    File imageDirectory;
}
