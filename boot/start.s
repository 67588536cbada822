| start.s: the image's entry point.
|
| QEMU jumps to _start (the ELF entry) in supervisor mode with interrupts
| masked and A7 not set up. _start builds the minimal environment every other
| routine relies on (a stack, the vector table, zeroed .bss, the parsed boot
| command line), runs the kernel, and hands its exit status to qj_exit.
|
| in:  nothing (SR as QEMU left it)
| out: never returns

        .equ    SR_SUPERVISOR_NO_IRQ, 0x2700    | S = 1, M = 0, IPL = 7
        .equ    STACK_SIZE, 16384

        .text
        .globl  _start
_start:
        | Supervisor mode on the interrupt stack (M = 0), all interrupts
        | masked, then the stack: A7 is the ISP from here on.
        move.w  #SR_SUPERVISOR_NO_IRQ,sr
        lea     qj_stack_top,sp

        | Exceptions from now on land in qj_exception with a report.
        lea     qj_vectors,a0
        movec   a0,vbr

        | Zero .bss (the stack included: nothing is on it yet). The linker
        | script aligns both ends to 4 bytes.
        lea     __bss_start,a0
        lea     __bss_end,a1
1:      cmpa.l  a1,a0
        bhs     2f
        clr.l   (a0)+
        bra     1b
2:
        | Read the boot command line before anything can overwrite the
        | bootinfo records that QEMU left just past the image.
        jsr     qj_parse_bootinfo

        | Run the kernel: d0.l = 1 in test mode (`qj.test` on the command
        | line), else 0; it returns its exit status in d0.l.
        moveq   #0,d0
        move.b  qj_boot_test_mode,d0
        jsr     qj_kernel_start
        jmp     qj_exit

| The supervisor stack. A7 starts at the top and grows down.
        .section .bss,"aw",@nobits
        .balign 4
        .skip   STACK_SIZE
        .globl  qj_stack_top
qj_stack_top:
