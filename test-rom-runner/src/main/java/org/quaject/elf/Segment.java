package org.quaject.elf;

/**
 * One program header (Elf32_Phdr, System V ABI "Program Header"): a part of
 * the file that a loader places in memory. Unsigned fields are widened to
 * {@code long}.
 *
 * @param type            p_type, e.g. {@link #PT_LOAD}
 * @param offset          p_offset: where the segment's bytes start in the file
 * @param virtualAddress  p_vaddr
 * @param physicalAddress p_paddr
 * @param fileSize        p_filesz: bytes taken from the file
 * @param memorySize      p_memsz: bytes in memory; those past {@code fileSize} are zero
 * @param flags           p_flags, e.g. {@link #PF_X}
 */
public record Segment(int type, long offset, long virtualAddress, long physicalAddress,
                      long fileSize, long memorySize, int flags) {

    // p_type and p_flags values, System V ABI figures "Segment Types" and "Segment Flag Bits".
    public static final int PT_NULL = 0;
    public static final int PT_LOAD = 1;
    public static final int PF_X = 0x1;
    public static final int PF_W = 0x2;
    public static final int PF_R = 0x4;

    /** Whether a loader copies this segment into memory. */
    public boolean isLoad() {
        return type == PT_LOAD;
    }
}
