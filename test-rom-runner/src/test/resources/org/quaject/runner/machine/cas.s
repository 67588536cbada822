| CAS and CAS2 as the MC68030 User's Manual (section 4, CAS and CAS2)
| defines them, the instructions lock-free structures are built on:
|   CAS Dc,Du,<ea>: compare Dc with the operand; equal: write Du to the
|   operand; else: load the operand into Dc (only the operand's size of it).
|   CCR as CMP Dc,<ea> sets it (operand - Dc), X unaffected.
|   CAS2 Dc1:Dc2,Du1:Du2,(Rn1):(Rn2): both compared; both equal: write Du1
|   and Du2; else load both operands into Dc1 and Dc2 and write nothing.
|   CCR from the first comparison if it failed, else from the second.
| Each check sets X first and then reads the CCR, so that "X unaffected"
| is checked too; the condition codes are compared whole (mask 0x1f).
        .include "tap.inc"

| ccr_after: the CCR the last instruction left, into `ccr` (MOVE from SR is
| allowed: the fixture runs in supervisor mode).
        .macro  ccr_after
        move.w  sr,ccr_word
        .endm

| with_x: X set, the other condition codes clear, before the instruction.
        .macro  with_x
        move.w  #0x2700+CCR_X,sr
        .endm

main:
        tap_plan 42

| CAS.B success: the operand equals Dc's low byte; Du's low byte is
| written, Dc is untouched; Z set (0x12 - 0x12).
        move.b  #0x12,cell
        move.l  #0xaaaaaa12,d0
        move.l  #0xbbbbbb34,d1
        lea     cell,a0
        with_x
        cas.b   d0,d1,(a0)
        ccr_after
        expect  cell, #0x34000000, "cas.b equal: the update byte is written"
        expect  d0, #0xaaaaaa12, "cas.b equal: Dc is untouched"
        expect_word ccr_word, CCR_X+CCR_Z, "cas.b equal: CCR X and Z", 0x1f

| CAS.B failure: 0x80 - 0x01 overflows (V); Dc's low byte gets 0x80 and
| its upper bytes stay; memory is not written.
        move.l  #0x80000000,cell
        move.l  #0xaaaaaa01,d0
        with_x
        cas.b   d0,d1,(a0)
        ccr_after
        expect  cell, #0x80000000, "cas.b differ: memory is not written"
        expect  d0, #0xaaaaaa80, "cas.b differ: Dc's low byte gets the operand"
        expect_word ccr_word, CCR_X+CCR_V, "cas.b differ: CCR as cmp.b (0x80 - 0x01: V)", 0x1f

| CAS.W success through (An)+: An moves on by 2.
        move.l  #0x1234ffff,cell
        move.l  #0x55551234,d0
        move.l  #0x66665678,d1
        lea     cell,a0
        with_x
        cas.w   d0,d1,(a0)+
        ccr_after
        expect  cell, #0x5678ffff, "cas.w equal: the update word is written"
        expect  d0, #0x55551234, "cas.w equal: Dc is untouched"
        expect  a0, #cell+2, "cas.w (a0)+: a0 moves on by 2"
        expect_word ccr_word, CCR_X+CCR_Z, "cas.w equal: CCR X and Z", 0x1f

| CAS.W failure through -(An): 0x0001 - 0x0002 borrows (N, C).
        move.l  #0x0001ffff,cell
        move.l  #0x55550002,d0
        lea     cell+2,a0
        with_x
        cas.w   d0,d1,-(a0)
        ccr_after
        expect  cell, #0x0001ffff, "cas.w differ: memory is not written"
        expect  d0, #0x55550001, "cas.w differ: Dc's low word gets the operand"
        expect  a0, #cell, "cas.w -(a0): a0 moves back by 2"
        expect_word ccr_word, CCR_X+CCR_N+CCR_C, "cas.w differ: CCR as cmp.w (1 - 2: N, C)", 0x1f

| CAS.L success through d16(An).
        move.l  #0x11223344,cell+4
        move.l  #0x11223344,d2
        move.l  #0x55667788,d3
        lea     cell,a1
        with_x
        cas.l   d2,d3,4(a1)
        ccr_after
        expect  cell+4, #0x55667788, "cas.l equal: the update long is written"
        expect  d2, #0x11223344, "cas.l equal: Dc is untouched"
        expect_word ccr_word, CCR_X+CCR_Z, "cas.l equal: CCR X and Z", 0x1f

| CAS.L failure through an absolute address: 0x7fffffff - 0xffffffff
| borrows and overflows (N, V, C).
        move.l  #0x7fffffff,cell+4
        moveq   #-1,d2
        with_x
        cas.l   d2,d3,cell+4
        ccr_after
        expect  cell+4, #0x7fffffff, "cas.l differ: memory is not written"
        expect  d2, #0x7fffffff, "cas.l differ: Dc gets the operand"
        expect_word ccr_word, CCR_X+CCR_N+CCR_V+CCR_C, "cas.l differ: CCR as cmp.l (N, V, C)", 0x1f

| CAS.L failure with Dc greater: 5 - 3 gives none of N, Z, V, C.
        move.l  #5,cell+4
        moveq   #3,d2
        with_x
        cas.l   d2,d3,cell+4
        ccr_after
        expect  d2, #5, "cas.l differ upward: Dc gets the operand"
        expect_word ccr_word, CCR_X, "cas.l differ upward: CCR X only", 0x1f

| CAS2.W success: both words compare equal, both updates are written;
| the comparison registers are untouched.
        move.l  #0x1111ffff,pair
        move.l  #0x2222ffff,pair+4
        move.l  #0xaaaa1111,d0
        move.l  #0xbbbb2222,d1
        move.l  #0xcccc3333,d2
        move.l  #0xdddd4444,d3
        lea     pair,a0
        lea     pair+4,a1
        with_x
        cas2.w  d0:d1,d2:d3,(a0):(a1)
        ccr_after
        expect  pair, #0x3333ffff, "cas2.w equal: the first update is written"
        expect  pair+4, #0x4444ffff, "cas2.w equal: the second update is written"
        expect  d0, #0xaaaa1111, "cas2.w equal: Dc1 is untouched"
        expect  d1, #0xbbbb2222, "cas2.w equal: Dc2 is untouched"
        expect_word ccr_word, CCR_X+CCR_Z, "cas2.w equal: CCR X and Z", 0x1f

| CAS2.W failure on the first operand (the second would match): nothing is
| written, both operands are loaded into Dc1 and Dc2, and the CCR comes
| from the first comparison (0x1000 - 0x1111: N, C).
        move.l  #0x1000ffff,pair
        move.l  #0x2222ffff,pair+4
        with_x
        cas2.w  d0:d1,d2:d3,(a0):(a1)
        ccr_after
        expect  pair, #0x1000ffff, "cas2.w first differs: the first operand is not written"
        expect  pair+4, #0x2222ffff, "cas2.w first differs: the second operand is not written"
        expect  d0, #0xaaaa1000, "cas2.w first differs: Dc1 gets the first operand"
        expect  d1, #0xbbbb2222, "cas2.w first differs: Dc2 gets the second operand"
        expect_word ccr_word, CCR_X+CCR_N+CCR_C, "cas2.w first differs: CCR from the first comparison", 0x1f

| CAS2.L failure on the second operand (the first matches): nothing is
| written, both operands are loaded, and the CCR comes from the second
| comparison (0x80000000 - 0x00000001: V).
        move.l  #0x01020304,pair
        move.l  #0x80000000,pair+4
        move.l  #0x01020304,d4
        moveq   #1,d5
        move.l  #0x0a0b0c0d,d6
        move.l  #0x0e0f0102,d7
        with_x
        cas2.l  d4:d5,d6:d7,(a0):(a1)
        ccr_after
        expect  pair, #0x01020304, "cas2.l second differs: the first operand is not written"
        expect  pair+4, #0x80000000, "cas2.l second differs: the second operand is not written"
        expect  d4, #0x01020304, "cas2.l second differs: Dc1 gets the first operand"
        expect  d5, #0x80000000, "cas2.l second differs: Dc2 gets the second operand"
        expect_word ccr_word, CCR_X+CCR_V, "cas2.l second differs: CCR from the second comparison", 0x1f

| CAS2.L success, with the operands' addresses in a data and an address
| register (Rn may be either).
        move.l  #0x80000000,d5
        move.l  #pair,d3
        with_x
        cas2.l  d4:d5,d6:d7,(d3):(a1)
        ccr_after
        expect  pair, #0x0a0b0c0d, "cas2.l equal: the first update is written"
        expect  pair+4, #0x0e0f0102, "cas2.l equal: the second update is written"
        expect  d4, #0x01020304, "cas2.l equal: Dc1 is untouched"
        expect  d5, #0x80000000, "cas2.l equal: Dc2 is untouched"
        expect_word ccr_word, CCR_X+CCR_Z, "cas2.l equal: CCR X and Z", 0x1f
        finish

        .bss
        .even
cell:           .space  8
pair:           .space  8
ccr_word:       .space  2
