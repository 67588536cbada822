| Code the CPU core cannot translate (cpu/UntranslatableCode): FPU
| conditionals with a predicate from 0x20 to 0x3f, which the MC68881/MC68882
| do not define. QEMU's translator crashes on them (so this fixture is not
| run on QEMU); the runner keeps them from its core and takes each as a line F
| instruction: vector 11, a format $0 frame whose PC is the instruction.
        .include "tap.inc"

main:
        tap_plan 13

| FScc (0xf240-0xf27f), the predicate in the second word: 0x3c.
        catch   VEC_LINE_F, 4
fscc_at:
        .short  0xf243, 0x4afc
        expect_frame 0, VEC_LINE_F, #fscc_at, "FScc, predicate 0x3c", "the instruction itself"

| FBcc (0xf280-0xf2ff), the predicate in the opcode: 0x3c, word displacement.
        catch   VEC_LINE_F, 4
fbcc_at:
        .short  0xf2bc, 0x0000
        expect_frame 0, VEC_LINE_F, #fbcc_at, "FBcc, predicate 0x3c", "the instruction itself"

| FTRAPcc with a word operand, predicate 0x20.
        catch   VEC_LINE_F, 6
ftrapcc_at:
        .short  0xf27a, 0x0020, 0x0000
        expect_frame 0, VEC_LINE_F, #ftrapcc_at, "FTRAPcc, predicate 0x20", "the instruction itself"

| FDBcc on D3, predicate 0x21.
        catch   VEC_LINE_F, 6
fdbcc_at:
        .short  0xf24b, 0x0021, 0x0000
        expect_frame 0, VEC_LINE_F, #fdbcc_at, "FDBcc, predicate 0x21", "the instruction itself"

| The same instruction again: each time it is reached, it is taken as line F.
        clr.l   rounds
        moveq   #1,d7
again:
        catch   VEC_LINE_F, 4
        .short  0xf243, 0x4afc
        addq.l  #1,rounds
        dbra    d7,again
        expect  rounds, #2, "the instruction is taken as line F each time it runs"
        finish

        .bss
rounds: .space  4
