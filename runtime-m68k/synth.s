| synth.s: creating quaject instances at run time.
|
| The image carries, for every quaject class, its template (the class's code
| and data with every hole zero), its hole table, and a descriptor the
| compiler writes (Class$$class; `@Class` in the kernel's bodies):
|     +0   .long  the template
|     +4   .long  the hole table: .long size, .long N, then N 12-byte rows
|     +8   .long  the class's inactive blocks, a list through their headers
|     +12  .word  P, the number of parameters
|     +14  .word  S, the number of slots (callouts and callbacks)
|     +16  .long  x S: each slot's default body, as an offset in the block;
|                 -1 for a slot without one
|     then .byte  x P: each parameter's width in bytes
|
| qj_create copies the template into a block and patches every hole from the
| table, the same routine for every class. Each block follows a 12-byte
| header that only this file uses:
|     -12  the class descriptor
|     -8   the reference count
|     -4   the next block of the class's inactive list
| Blocks come from the class's inactive list first, else from the heap: RAM
| from the end of the image to the end of RAM (the boot information there has
| been read by the time the kernel runs). Blocks never go back to the heap.

        .equ    QJ_OK, 0
        .equ    QJ_ENOMEM, 1                    | no RAM left for the block
        .equ    QJ_ERANGE, 2                    | a parameter does not fit its width

        .equ    DESC_TEMPLATE, 0
        .equ    DESC_HOLES, 4
        .equ    DESC_INACTIVE, 8
        .equ    DESC_PARAMS, 12
        .equ    DESC_SLOTS, 14
        .equ    DESC_DEFAULTS, 16
        .equ    NO_DEFAULT, -1

        .equ    HDR_CLASS, -12
        .equ    HDR_REFS, -8
        .equ    HDR_NEXT, -4
        .equ    HEADER_SIZE, 12

        | Hole table (docs/language.md, section 6).
        .equ    TABLE_SIZE, 0
        .equ    TABLE_COUNT, 4
        .equ    TABLE_ROWS, 8
        .equ    ROW_OFFSET, 0                   | .word
        .equ    ROW_WIDTH, 2                    | .byte: 1, 2 or 4
        .equ    ROW_FLAGS, 3                    | .byte: bit 0 PC-relative
        .equ    ROW_KIND, 4                     | .byte
        .equ    ROW_INDEX, 6                    | .word
        .equ    ROW_VALUE, 8                    | .long
        .equ    ROW_SIZE, 12
        .equ    FLAG_PC_RELATIVE, 0
        .equ    KIND_BLOCK, 1
        .equ    KIND_PARAM, 2
        .equ    KIND_SLOT, 3

        | CACR bit 3, CI: clear the instruction cache (MC68030 UM 6.4.1).
        .equ    CACR_CLEAR_INSTRUCTIONS, 0x0008

        .text

| qj_create: a new instance of a class.
| in:        a0 = the class descriptor (@Class),
|            a1 = its parameters: one long word each, in declaration order
| out:       d0.l = QJ_OK and a0 = the new block (the instance's @self); or
|            d0.l = QJ_ERANGE or QJ_ENOMEM, a0 = 0, and nothing changed
| preserves: d1-d7, a1-a6; runs in supervisor mode (it writes CACR)
        .globl  qj_create
qj_create:
        movem.l d1-d4/a2-a5,-(sp)
        movea.l a0,a2                   | a2 = the descriptor
        movea.l a1,a3                   | a3 = the parameters
        bsr     check_parameters
        bne     2f
        bsr     take_block
        cmpa.w  #0,a0
        beq     1f
        move.l  a2,HDR_CLASS(a0)
        moveq   #1,d0
        move.l  d0,HDR_REFS(a0)
        clr.l   HDR_NEXT(a0)
        bsr     copy_template
        bsr     patch_holes
        bsr     flush_instructions
        moveq   #QJ_OK,d0
        bra     3f
1:      moveq   #QJ_ENOMEM,d0
2:      suba.l  a0,a0
3:      movem.l (sp)+,d1-d4/a2-a5
        rts

| qj_retain: one more reference to a block from qj_create.
| in:        a0 = the block
| preserves: all registers
        .globl  qj_retain
qj_retain:
        addq.l  #1,HDR_REFS(a0)
        rts

| qj_destroy: drop a reference to a block from qj_create. With the last one
| the block goes on its class's inactive list, for the next qj_create of the
| class to take.
| in:        a0 = the block
| out:       d0.l = the references left; -1 if it had none (it was destroyed
|            already), and then nothing changed
| preserves: all other registers
        .globl  qj_destroy
qj_destroy:
        tst.l   HDR_REFS(a0)
        bne     1f
        moveq   #-1,d0
        rts
1:      subq.l  #1,HDR_REFS(a0)
        move.l  HDR_REFS(a0),d0
        bne     2f
        move.l  a1,-(sp)
        movea.l HDR_CLASS(a0),a1
        move.l  DESC_INACTIVE(a1),HDR_NEXT(a0)
        move.l  a0,DESC_INACTIVE(a1)
        movea.l (sp)+,a1
2:      rts

| qj_unlinked_slot: where the callout or callback of a run-time instance
| leads when it has no default body and nothing is linked to it yet. Calling
| it is a bug; the illegal instruction makes it a crash report that names
| this place.
        .globl  qj_unlinked_slot
qj_unlinked_slot:
        illegal

| check_parameters: whether each parameter fits its width, as a signed or an
| unsigned number (as the compiler checks static instances' values).
| in:        a2 = the descriptor, a3 = the parameters
| out:       d0.l = QJ_OK or QJ_ERANGE, with the condition codes of a TST
| clobbers:  d1-d3, a4-a5
check_parameters:
        moveq   #0,d1
        move.w  DESC_SLOTS(a2),d1
        lea     DESC_DEFAULTS(a2,d1.l*4),a4     | a4 = the widths
        movea.l a3,a5
        moveq   #0,d2
        move.w  DESC_PARAMS(a2),d2
        bra     4f
1:      move.l  (a5)+,d3
        move.b  (a4)+,d1
        cmpi.b  #2,d1
        beq     3f
        bhi     4f                      | a long word always fits
        cmpi.l  #-0x80,d3               | a byte: -128..255
        blt     5f
        cmpi.l  #0xff,d3
        bgt     5f
        bra     4f
3:      cmpi.l  #-0x8000,d3             | a word: -32768..65535
        blt     5f
        cmpi.l  #0xffff,d3
        bgt     5f
4:      subq.l  #1,d2
        bpl     1b
        moveq   #QJ_OK,d0
        rts
5:      moveq   #QJ_ERANGE,d0
        rts

| take_block: a block for the class, header included: an inactive one, or a
| new one from the heap.
| in:        a2 = the descriptor
| out:       a0 = the block, or 0 when the heap cannot hold one
| clobbers:  d1-d3, a4
take_block:
        movea.l DESC_INACTIVE(a2),a0
        cmpa.w  #0,a0
        beq     1f
        move.l  HDR_NEXT(a0),DESC_INACTIVE(a2)
        rts
1:      movea.l DESC_HOLES(a2),a4
        move.l  TABLE_SIZE(a4),d1
        addi.l  #HEADER_SIZE+3,d1
        andi.w  #0xfffc,d1              | header and block, in whole long words
        move.l  heap_next,d2
        bne     2f
        move.l  #_end+3,d2              | the heap's first use: it starts past the image
        andi.w  #0xfffc,d2
2:      move.l  d2,d3
        add.l   d1,d3
        bcs     3f
        cmpi.l  #qj_ram_size,d3
        bhi     3f
        move.l  d3,heap_next
        movea.l d2,a0
        lea     HEADER_SIZE(a0),a0
        rts
3:      suba.l  a0,a0
        rts

| copy_template: the class's template into the block, byte for byte.
| in:        a0 = the block, a2 = the descriptor
| clobbers:  d1, a4-a5
copy_template:
        movea.l DESC_HOLES(a2),a4
        move.l  TABLE_SIZE(a4),d1
        movea.l DESC_TEMPLATE(a2),a4
        movea.l a0,a5
        bra     2f
1:      move.b  (a4)+,(a5)+
2:      subq.l  #1,d1
        bpl     1b
        rts

| patch_holes: fill every hole of the copy, row by row: the target T is the
| row's value plus, by kind, the block (BLOCK), the parameter (PARAM), or
| where the slot leads (SLOT: its default body, or qj_unlinked_slot); other
| kinds hold their target already.
| in:        a0 = the block, a2 = the descriptor, a3 = the parameters
| clobbers:  d1-d4, a4-a5
patch_holes:
        movea.l DESC_HOLES(a2),a4
        move.l  TABLE_COUNT(a4),d1
        lea     TABLE_ROWS(a4),a4
        bra     6f
1:      move.l  ROW_VALUE(a4),d2        | d2 = T
        moveq   #0,d3
        move.w  ROW_INDEX(a4),d3
        move.b  ROW_KIND(a4),d4
        cmpi.b  #KIND_BLOCK,d4
        bne     2f
        add.l   a0,d2
        bra     5f
2:      cmpi.b  #KIND_PARAM,d4
        bne     3f
        add.l   (a3,d3.l*4),d2
        bra     5f
3:      cmpi.b  #KIND_SLOT,d4
        bne     5f
        bsr     slot_default
        add.l   d3,d2
5:      bsr     fill_hole
        lea     ROW_SIZE(a4),a4
6:      subq.l  #1,d1
        bpl     1b
        rts

| slot_default: where an unlinked slot leads: its default body in the
| block, or qj_unlinked_slot when it has none.
| in:        a0 = the block, a2 = the descriptor, d3.l = the slot's number
| out:       d3.l = the address
| clobbers:  nothing else
slot_default:
        move.l  DESC_DEFAULTS(a2,d3.l*4),d3
        cmpi.l  #NO_DEFAULT,d3
        beq     1f
        add.l   a0,d3
        rts
1:      move.l  #qj_unlinked_slot,d3
        rts

| fill_hole: write a target into the hole a row describes; a PC-relative
| hole gets the target minus its own address. 1, 2 or 4 bytes, big-endian.
| in:        a0 = the block, a4 = the row, d2.l = the target
| clobbers:  d2, d4, a5
fill_hole:
        moveq   #0,d4
        move.w  ROW_OFFSET(a4),d4
        lea     (a0,d4.l),a5            | a5 = the hole
        btst    #FLAG_PC_RELATIVE,ROW_FLAGS(a4)
        beq     1f
        sub.l   a5,d2
1:      move.b  ROW_WIDTH(a4),d4
        cmpi.b  #2,d4
        beq     2f
        bhi     3f
        move.b  d2,(a5)
        rts
2:      move.w  d2,(a5)
        rts
3:      move.l  d2,(a5)
        rts

| qj_link: point a slot (callout or callback) of an instance made by
| qj_create at a target, e.g. another instance's callentry: every hole of
| the slot in the block gets the target plus the hole's addend, the way
| qj_create filled it with the default. Linking again relinks.
| in:        a0 = the block, d0.l = the slot's number (@Class.slot),
|            a1 = the target
| out:       d0.l = QJ_OK, or QJ_ERANGE when the class has no such slot
|            (nothing changed)
| preserves: all other registers; supervisor mode (it writes CACR)
        .globl  qj_link
qj_link:
        movem.l d1-d4/a2-a5,-(sp)
        move.l  a1,d3
        bra     relink

| qj_unlink: a slot of an instance made by qj_create back to where it led
| when created: its default body, or qj_unlinked_slot.
| in:        a0 = the block, d0.l = the slot's number (@Class.slot)
| out:       d0.l = QJ_OK, or QJ_ERANGE when the class has no such slot
| preserves: all other registers; supervisor mode
        .globl  qj_unlink
qj_unlink:
        movem.l d1-d4/a2-a5,-(sp)
        movea.l HDR_CLASS(a0),a2
        move.l  d0,d3
        moveq   #0,d1
        move.w  DESC_SLOTS(a2),d1
        cmp.l   d1,d3                   | relink refuses it; slot_default must
        bhs     relink                  | not read past the defaults first
        bsr     slot_default

| relink: fill every SLOT hole of slot d0 in block a0 with target d3.
relink:
        movea.l HDR_CLASS(a0),a2
        moveq   #0,d1
        move.w  DESC_SLOTS(a2),d1
        cmp.l   d1,d0
        bhs     3f
        movea.l DESC_HOLES(a2),a4
        move.l  TABLE_COUNT(a4),d1
        lea     TABLE_ROWS(a4),a4
        bra     2f
1:      cmpi.b  #KIND_SLOT,ROW_KIND(a4)
        bne     4f
        cmp.w   ROW_INDEX(a4),d0
        bne     4f
        move.l  ROW_VALUE(a4),d2
        add.l   d3,d2
        bsr     fill_hole
4:      lea     ROW_SIZE(a4),a4
2:      subq.l  #1,d1
        bpl     1b
        bsr     flush_instructions
        moveq   #QJ_OK,d0
        bra     5f
3:      moveq   #QJ_ERANGE,d0
5:      movem.l (sp)+,d1-d4/a2-a5
        rts

| flush_instructions: the instruction cache may hold bytes of an earlier
| block at these addresses (a recycled one); the new code must be what runs.
| clobbers:  d1
flush_instructions:
        movec   cacr,d1
        ori.w   #CACR_CLEAR_INSTRUCTIONS,d1
        movec   d1,cacr
        rts

        .bss
        .balign 4
| The heap's next free byte; 0 until the first block is taken.
heap_next:
        .space  4
