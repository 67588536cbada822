| fail.s: how the loader gives up: a line on the console, then a panic.
|
| Every line reads `qj-boot: error: ...`, so that `qj run` shows the reason
| and exits non-zero. The loader takes no exception in normal work: its
| vector table sends every one to loader_fault, which names it and gives up
| the same way.

        .equ    VECTORS, 64                     | up to the user-defined vectors
        .equ    FRAME_PC, 2
        .equ    FRAME_FORMAT_VECTOR, 6
        .equ    VECTOR_OFFSET_MASK, 0x0fff

        .section .vectors,"a"
        .rept   VECTORS
        .long   loader_fault
        .endr

        .text

| loader_fail: say what is wrong and panic.
| in:  a0 = the reason, a NUL-terminated line without its end
| out: never returns
        .globl  loader_fail
loader_fail:
        bsr     say_error
        bra     end_line

| loader_fail_number: the same, with a number after the reason.
| in:  a0 = the reason, d0.l = the number, in decimal
| out: never returns
        .globl  loader_fail_number
loader_fail_number:
        bsr     say_error
        jsr     qj_putdec
        bra     end_line

| loader_fail_hex: the same, with an address after the reason.
| in:  a0 = the reason, d0.l = the address, in hexadecimal
| out: never returns
        .globl  loader_fail_hex
loader_fail_hex:
        bsr     say_error
put_hex_and_end:
        jsr     qj_puthex
end_line:
        jsr     qj_putnl
        jmp     qj_panic

| loader_fault: an exception in the loader itself.
| in:  the exception's stack frame (MC68030 User's Manual, 8.4)
| out: never returns
loader_fault:
        lea     fault_text,a0
        bsr     say_error
        move.w  FRAME_FORMAT_VECTOR(sp),d0
        andi.l  #VECTOR_OFFSET_MASK,d0
        lsr.l   #2,d0
        jsr     qj_putdec
        lea     fault_pc_text,a0
        jsr     qj_puts
        move.l  FRAME_PC(sp),d0
        bra     put_hex_and_end

| say_error: the line's start and the reason.
| in:        a0 = the reason
| preserves: d0
say_error:
        move.l  a0,-(sp)
        lea     prefix_text,a0
        jsr     qj_puts
        movea.l (sp)+,a0
        jmp     qj_puts

        .section .rodata
prefix_text:
        .asciz  "qj-boot: error: "
fault_text:
        .asciz  "the boot loader took exception vector "
fault_pc_text:
        .asciz  " at PC "
