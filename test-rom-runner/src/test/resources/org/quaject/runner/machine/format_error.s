| Format error (UM 8.1.7 and RTE): an RTE whose frame has a format the 68030
| does not define ($5 here) takes vector 14 with a format $0 frame whose PC
| is the RTE itself, leaving the bad frame where it was. QEMU 7.2 knows no
| format error: it pops such a frame as if it were format $0 and returns
| through it, so this fixture is not compared with it.
        .include "tap.inc"

main:
        tap_plan 6
        catch   VEC_FORMAT_ERROR, 2
        move.l  sp,sp_before
        move.w  #0x5000+VEC_TRAP*4,-(sp)
        pea     not_here
        move.w  #0x2700+CCR_Z,-(sp)
        move.l  sp,bad_frame
rte_at:
        rte
        addq.l  #8,sp
        move.l  sp,sp_after
        expect_frame 0, VEC_FORMAT_ERROR, #rte_at, "RTE of a format $5 frame", "the RTE itself"
        move.l  bad_frame,d0
        subq.l  #8,d0
        expect  caught_sp, d0, "format error: its frame is pushed over the bad one"
        expect_word caught_frame, 0x2700, "format error: the SR at the RTE is stacked", 0xff00
        expect  sp_after, sp_before, "the bad frame was left for the handler to deal with"
        finish

not_here:
        illegal

        .bss
sp_before:      .space  4
sp_after:       .space  4
bad_frame:      .space  4
