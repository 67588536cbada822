package org.quaject.compiler.model;

import java.util.Optional;
import org.quaject.compiler.diag.Position;

/**
 * A {@code test "name"} block: assembly that ends by passing or failing, run by the
 * image's test harness and reported as one TAP line.
 *
 * @param input console input the test reads, fed to the image before it starts
 */
public record TestCase(String name, Position position, Optional<String> input, AssemblyBody body) {
}
