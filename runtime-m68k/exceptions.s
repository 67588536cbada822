| exceptions.s: what happens when the CPU takes an exception.
|
| Every vector points to qj_exception (see boot/vectors.s). Until a kernel
| installs handlers of its own, every exception is a crash: the handler saves
| the registers, prints a report saying what happened where, and then either
| fails the running test (the harness carries on with the next one) or, when
| no test is running, panics. A report looks like
|     *** Zero divide (vector 5) at PC 0x00001236 (instruction at 0x00001234)
|         SR 0x2700  USP 0x00000000  SSP 0x0000ff00
|         D0 0x........  D1 0x........  D2 0x........  D3 0x........
|         D4 0x........  D5 0x........  D6 0x........  D7 0x........
|         A0 0x........  A1 0x........  A2 0x........  A3 0x........
|         A4 0x........  A5 0x........  A6 0x........  A7 0x........
| Inside a test, the report follows the test's `not ok` line as TAP comments
| (each line prefixed with `# `). An exception taken while the handler is
| still running gets one short line (after a newline, in case the first report
| was cut off mid-line) and a panic, since the state a full report would need
| is no longer trustworthy.

        .equ    IPL_MASK, 0x0700                | SR bits 8-10

| What the handler keeps on the stack, from its base (a5) up: the interrupted
| code's D0-D7 and A0-A7, then the CPU's exception frame (MC68030 UM 8.4:
| every format starts with SR, PC and the format/vector-offset word).
        .equ    SAVED_REGS, 0                   | 16 long words, D0 first
        .equ    SAVED_A7, SAVED_REGS + 15 * 4
        .equ    FRAME, SAVED_REGS + 16 * 4
        .equ    FRAME_SR, FRAME + 0
        .equ    FRAME_PC, FRAME + 2
        .equ    FRAME_FORMAT_VECTOR, FRAME + 6  | format << 12 | vector * 4
        .equ    FRAME_INSTRUCTION, FRAME + 8    | format $2 only: the instruction's address
        .equ    FORMAT_SIX_WORD, 2
        .equ    SR_S_BIT, 13                    | supervisor state
        .equ    REGISTER_NAME_SIZE, 3           | "D0" and its NUL

        .text

| qj_exception: the target of every vector.
| in:  the exception frame on the supervisor stack
| out: never returns (jumps to qj_test_crashed or qj_panic)
        .globl  qj_exception
qj_exception:
        | Keep device interrupts out while the report is printed: a second
        | exception would count as a double fault.
        ori.w   #IPL_MASK,sr
        | Save D0-A6 below a slot for A7: the A7 to report is the one the
        | interrupted code used, worked out below.
        lea     -4(sp),sp
        movem.l d0-d7/a0-a6,-(sp)
        movea.l sp,a5                   | a5 = the saved registers and frame

        bset    #0,handler_active
        bne     double_fault

        | The supervisor stack pointer from before the exception is just
        | above the frame; the A7 the interrupted code saw is that one or
        | USP, depending on the S bit it ran with. (An interrupt taken on the
        | master stack leaves a throwaway frame on the interrupt stack, and
        | then this is the interrupt stack's pointer: UM, interrupt exceptions.)
        bsr     frame_size
        lea     FRAME(a5,d0.l),a3       | a3 = SSP before the exception
        move.l  a3,SAVED_A7(a5)
        btst    #SR_S_BIT,FRAME_SR(a5)
        bne     1f
        move    usp,a0
        move.l  a0,SAVED_A7(a5)
1:
        tst.l   qj_current_test
        beq     2f

        | Inside a test: fail it, with the report as TAP comments.
        jsr     qj_test_put_not_ok
        bsr     put_headline
        jsr     qj_putnl
        lea     tap_comment_prefix,a4
        bsr     put_report
        bclr    #0,handler_active
        jmp     qj_test_crashed

        | Outside any test: nothing can carry on.
2:      lea     no_prefix,a4
        bsr     put_report
        jmp     qj_panic

| An exception inside the handler: report only what the new frame says.
double_fault:
        lea     double_fault_text,a0
        jsr     qj_puts
        bsr     put_where
        jsr     qj_putnl
        jmp     qj_panic

| put_report: print the register report, every line starting with a prefix.
| in:        a5 = the saved registers and frame, a4 = the line prefix,
|            a3 = SSP before the exception
| clobbers:  d0-d2, a0-a2
put_report:
        movea.l a4,a0
        jsr     qj_puts
        lea     report_head_text,a0
        jsr     qj_puts
        bsr     put_headline
        jsr     qj_putnl

        bsr     start_line
        lea     sr_name,a0
        bsr     put_label
        move.w  FRAME_SR(a5),d0
        jsr     qj_puthex_word
        lea     usp_name,a0
        bsr     put_label
        move    usp,a0
        move.l  a0,d0
        jsr     qj_puthex
        lea     ssp_name,a0
        bsr     put_label
        move.l  a3,d0
        jsr     qj_puthex
        jsr     qj_putnl

        | D0..A7, four to a line.
        lea     register_names,a2
        moveq   #0,d2                   | register number, 0..15
1:      bsr     start_line
2:      movea.l a2,a0
        bsr     put_label
        addq.l  #REGISTER_NAME_SIZE,a2
        move.l  SAVED_REGS(a5,d2.w*4),d0
        jsr     qj_puthex
        addq.w  #1,d2
        moveq   #3,d0
        and.w   d2,d0
        bne     2b
        jsr     qj_putnl
        cmpi.w  #16,d2
        blo     1b
        rts

| start_line: begin a register line of the report.
| in:        a4 = the line prefix
| preserves: all registers
start_line:
        move.l  a0,-(sp)
        movea.l a4,a0
        jsr     qj_puts
        lea     indent_text,a0
        jsr     qj_puts
        movea.l (sp)+,a0
        rts

| put_label: print `  NAME ` before a register value.
| in:        a0 = the register's name
| preserves: all registers
put_label:
        movem.l d0/a0,-(sp)
        lea     indent_text,a0
        jsr     qj_puts
        movea.l 4(sp),a0
        jsr     qj_puts
        moveq   #' ',d0
        jsr     qj_putc
        movem.l (sp)+,d0/a0
        rts

| put_headline: print `NAME (vector V) at PC 0x........`, then, while a
| thread of lib/thread.qj runs, ` in thread 0x........ (entry 0x........)`:
| its block and the routine it started in, which qj names in the .qj source.
| in:        a5 = the saved registers and frame
| clobbers:  d0-d2, a0
put_headline:
        bsr     vector_number
        bsr     put_vector_name
        bsr     put_where
        tst.l   qj_thread_current
        beq     1f
        lea     in_thread_text,a0
        jsr     qj_puts
        move.l  qj_thread_current,d0
        jsr     qj_puthex
        lea     entry_text,a0
        jsr     qj_puts
        move.l  qj_thread_entry,d0
        jsr     qj_puthex
        moveq   #')',d0
        jsr     qj_putc
1:      rts

| put_where: print ` (vector V) at PC 0x........`, and for a six-word frame
| ` (instruction at 0x........)`: zero divide, CHK, TRAPcc and TRAPV stack the
| address of the next instruction as PC and the one that caused them only in
| that frame (MC68030 UM 8.4.2), and the latter is what the reader looks for.
| in:        a5 = the saved registers and frame
| clobbers:  d0, a0
put_where:
        lea     vector_text,a0
        jsr     qj_puts
        bsr     vector_number
        jsr     qj_putdec
        lea     at_pc_text,a0
        jsr     qj_puts
        move.l  FRAME_PC(a5),d0
        jsr     qj_puthex
        move.b  FRAME_FORMAT_VECTOR(a5),d0
        lsr.b   #4,d0
        cmpi.b  #FORMAT_SIX_WORD,d0
        bne     1f
        lea     instruction_at_text,a0
        jsr     qj_puts
        move.l  FRAME_INSTRUCTION(a5),d0
        jsr     qj_puthex
        moveq   #')',d0
        jmp     qj_putc
1:      rts

| vector_number: the vector number the frame was stacked for.
| in:        a5 = the saved registers and frame
| out:       d0.l = the vector number, 0..255
vector_number:
        move.w  FRAME_FORMAT_VECTOR(a5),d0
        andi.l  #0x0fff,d0
        lsr.w   #2,d0
        rts

| frame_size: the size of the exception frame, by its format.
| in:        a5 = the saved registers and frame
| out:       d0.l = the frame's size in bytes
| clobbers:  a0
frame_size:
        moveq   #0,d0
        move.b  FRAME_FORMAT_VECTOR(a5),d0
        lsr.b   #4,d0
        lea     frame_sizes,a0
        move.b  (a0,d0.w),d0
        rts

| put_vector_name: print the name of an exception vector, from the table
| below: the first entry whose range holds the vector.
| in:        d0.l = the vector number
| clobbers:  d0-d2, a0
put_vector_name:
        move.l  d0,d2
        lea     vector_names,a0
        | Entry: first vector, last vector, number base, name.
1:      cmp.b   (a0),d2
        blo     2f
        cmp.b   1(a0),d2
        bls     4f
        | Not this one: skip past the name's NUL.
2:      addq.l  #3,a0
3:      tst.b   (a0)+
        bne     3b
        bra     1b
        | Print the name; `%` stands for the vector number minus the base.
4:      moveq   #0,d1
        move.b  2(a0),d1
        addq.l  #3,a0
5:      move.b  (a0)+,d0
        beq     7f
        cmpi.b  #'%',d0
        bne     6f
        move.l  d2,d0
        sub.l   d1,d0
        jsr     qj_putdec
        bra     5b
6:      jsr     qj_putc
        bra     5b
7:      rts

        .section .rodata

| Frame size in bytes by frame format (MC68030 UM 8.4): $0 normal four-word,
| $1 throwaway, $2 normal six-word, $9 coprocessor mid-instruction, $A short
| bus fault, $B long bus fault. The other formats are not stacked by the
| MC68030; taking them as the 8 bytes every format starts with keeps SSP
| plausible.
frame_sizes:
        .byte   8, 8, 12, 8, 8, 8, 8, 8, 8, 20, 32, 92, 8, 8, 8, 8

| Exception vector names (MC68030 UM table 8-1), as
|     first vector, last vector, number base, NUL-terminated name
| with `%` in the name printed as (vector - base). The last entry holds every
| vector, so the search always ends.
        .macro  vector_name first, last, base, name
        .byte   \first, \last, \base
        .asciz  "\name"
        .endm
vector_names:
        vector_name   2,   2,  0, "Access fault"
        vector_name   3,   3,  0, "Address error"
        vector_name   4,   4,  0, "Illegal instruction"
        vector_name   5,   5,  0, "Zero divide"
        vector_name   6,   6,  0, "CHK"
        vector_name   7,   7,  0, "TRAPcc/TRAPV"
        vector_name   8,   8,  0, "Privilege violation"
        vector_name   9,   9,  0, "Trace"
        vector_name  10,  10,  0, "Line 1010 emulator"
        vector_name  11,  11,  0, "Line 1111 emulator"
        vector_name  13,  13,  0, "Coprocessor protocol violation"
        vector_name  14,  14,  0, "Format error"
        vector_name  15,  15,  0, "Uninitialized interrupt"
        vector_name  24,  24,  0, "Spurious interrupt"
        vector_name  25,  31, 24, "Level % interrupt autovector"
        vector_name  32,  47, 32, "TRAP #%"
        vector_name  48,  48,  0, "FPU branch or set on unordered condition"
        vector_name  49,  49,  0, "FPU inexact result"
        vector_name  50,  50,  0, "FPU divide by zero"
        vector_name  51,  51,  0, "FPU underflow"
        vector_name  52,  52,  0, "FPU operand error"
        vector_name  53,  53,  0, "FPU overflow"
        vector_name  54,  54,  0, "FPU signaling NAN"
        vector_name  56,  56,  0, "MMU configuration error"
        vector_name  57,  57,  0, "MMU illegal operation"
        vector_name  58,  58,  0, "MMU access level violation"
        vector_name  64, 255,  0, "User interrupt vector"
        vector_name   0, 255,  0, "Reserved vector"

| Register names for the report, each padded to REGISTER_NAME_SIZE bytes.
register_names:
        .asciz  "D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7"
        .asciz  "A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7"

sr_name:                .asciz  "SR"
usp_name:               .asciz  "USP"
ssp_name:               .asciz  "SSP"
indent_text:            .asciz  "  "
report_head_text:       .asciz  "*** "
vector_text:            .asciz  " (vector "
at_pc_text:             .asciz  ") at PC "
instruction_at_text:    .asciz  " (instruction at "
in_thread_text:         .asciz  " in thread "
entry_text:             .asciz  " (entry "
double_fault_text:      .asciz  "\n*** double fault"
tap_comment_prefix:     .asciz  "# "
no_prefix:              .asciz  ""

        .section .bss,"aw",@nobits
| Nonzero while qj_exception runs: a second exception is a double fault.
handler_active:         .skip   1
