package org.quaject.compiler.link;

/**
 * One hole of a template: where it is, how wide, and what fills it.
 *
 * @param offset      byte offset of the hole in the template
 * @param width       1, 2 or 4 bytes
 * @param pcRelative  whether the hole holds a displacement from its own address
 *                    rather than an absolute value
 * @param index       parameter or slot number for {@link HoleKind#PARAM} and {@link HoleKind#SLOT}, else 0
 * @param value       offset or addend, see {@link HoleKind}
 * @param symbol      for {@link HoleKind#ABSOLUTE}, the symbol whose address fills the hole
 * @param description what the hole is, in .qj terms, for the link map
 */
public record Hole(long offset, int width, boolean pcRelative, HoleKind kind, int index, long value,
                   String symbol, String description) {
}
