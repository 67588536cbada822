| vectors.s: the exception vector table.
|
| _start points VBR here, so the CPU fetches every exception vector from this
| table (MC68030 UM chapter 8: vector address = VBR + 4 * vector number). All
| 256 entries send the CPU to qj_exception, which reads the vector number back
| from the exception stack frame. Entries 0 and 1 (reset SSP and PC) are never
| read through VBR; they are filled like the rest so the table has no holes.

        .section .vectors,"a"
        .balign 4
        .globl  qj_vectors
qj_vectors:
        .rept   256
        .long   qj_exception
        .endr
