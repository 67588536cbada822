/*
 * The .qj language, v0: quajects, device quajects, lock-free queue and stack
 * declarations, a kernel block (instances, connections, static threads) and tests.
 * This is the parser; QjLexer.g4 holds the tokens.
 *
 * Declarations are free-form (newlines are not significant). Code is m68k
 * assembly in GNU as syntax and is kept as raw text: a '{' that follows
 * `callentry`, `default`, `main` or `test` opens an assembly body, which the
 * lexer swallows whole (braces inside it must balance, as in bit-field
 * operands `bfextu d0{#0:#8},d1`) and the model reads back from the source.
 * docs/language.md describes every construct.
 */
parser grammar QjParser;

options { tokenVocab = QjLexer; }

// ---------------------------------------------------------------- files

file
    : importDecl* declaration* EOF
    ;

importDecl
    : IMPORT path=STRING
    ;

declaration
    : quajectDecl
    | deviceDecl
    | queueDecl
    | stackDecl
    | kernelDecl
    | testDecl
    ;

// ---------------------------------------------------------------- quajects

quajectDecl
    : QUAJECT name=ID paramList? LBRACE member* RBRACE
    ;

deviceDecl
    : DEVICE name=ID paramList? LBRACE (registerDecl | member)* RBRACE
    ;

/**
 * A lock-free queue class: element type, capacity, and how many producers and
 * consumers share it (`spsc`, `mpsc`, `spmc`, `mpmc`). The compiler writes the
 * quaject from templates/queue.stg.
 */
queueDecl
    : QUEUE name=ID ':' type=scalarType '[' capacity=NUMBER close=']' sharing=ID?
    ;

/** A lock-free stack class of fixed capacity, written from templates/stack.stg. */
stackDecl
    : STACK name=ID ':' type=scalarType '[' capacity=NUMBER ']'
    ;

paramList
    : '(' (paramDecl (',' paramDecl)*)? ')'
    ;

paramDecl
    : name=ID ':' type=scalarType ('=' value=constant)?
    ;

member
    : fieldDecl
    | callentryDecl
    | slotDecl
    ;

fieldDecl
    : VAR name=ID ':' type=scalarType ('[' count=NUMBER? ']')? ('=' init=initializer)?
    ;

initializer
    : constant
    | STRING
    | ID
    ;

registerDecl
    : REGISTER name=ID AT offset=NUMBER
    ;

/**
 * `inline`: the synthesizer may copy the body into a caller's call site instead of calling it.
 * `interrupt`: a device's interrupt handler, which the compiler installs for the lines its
 * instances bind (`irq` below); it ends in `rte`.
 */
callentryDecl
    : (inline=INLINE | interrupt=INTERRUPT)? CALLENTRY name=ID signature body
    ;

/**
 * A callout points to another quaject's callentry; a callback points back to the invoker.
 * `inline N`: each call site keeps N bytes, room for an inlined callentry.
 */
slotDecl
    : kind=(CALLOUT | CALLBACK) name=ID signature (INLINE room=NUMBER)? (DEFAULT body)?
    ;

signature
    : '(' (registerArg (',' registerArg)*)? ')' ('->' result=registerArg)? (CLOBBERS clobbered+=ID (',' clobbered+=ID)*)?
    ;

/** A value passed in a register, with its operand size: `d0.b`, `a0.l`. */
registerArg
    : reg=ID '.' size=ID
    ;

scalarType
    : BYTE
    | WORD
    | LONG
    ;

// ---------------------------------------------------------------- kernel

kernelDecl
    : KERNEL name=ID LBRACE kernelItem* RBRACE
    ;

/**
 * `thread NAME: INSTANCE.CALLENTRY [quantum N]` is a static thread: a static instance of
 * lib/thread.qj's Thread that runs that callentry, started at boot once the context that
 * booted has become the thread `boot`, which then runs main or the tests.
 */
kernelItem
    : BOARD board=ID                                    # boardItem
    | RAM size=NUMBER                                   # ramItem
    | word=ID size=NUMBER                               # sizeItem      // `disk 8M`: `disk` stays a name elsewhere
    | DEVICE type=STRING                                # deviceItem    // a device of a plug-in: `device "virtio-rng"`
    | INSTANCE name=ID ':' cls=ID argList? (AT base=NUMBER)? irqLines?   # instanceItem
    | CONNECT from=memberRef '->' to=memberRef          # connectItem
    | word=ID name=ID ':' entry=memberRef quantumClause? # threadItem   // `thread a: alice.run quantum 200000`
    | MAIN body                                         # mainItem
    | testDecl                                          # testItem
    ;

/**
 * A static thread's quantum. `thread` and `quantum` are words only here (`quantum` is
 * a parameter of lib/thread.qj's Thread); the predicate keeps a following `disk 8M`
 * item from being read as this clause.
 */
quantumClause
    : {_input.LT(1).getText().equals("quantum")}? word=ID value=constant
    ;

argList
    : '(' (arg (',' arg)*)? ')'
    ;

/** The interrupt lines a device instance raises: `irq 6:1` is IRQ #1 of PIC 6 (board-virt68030.md). */
irqLines
    : IRQ irqLine (',' irqLine)*
    ;

irqLine
    : pic=NUMBER ':' irq=NUMBER
    ;

arg
    : name=ID '=' value=constant
    ;

memberRef
    : instance=ID '.' memberName=ID
    ;

testDecl
    : TEST name=STRING (INPUT input=STRING)? body
    ;

constant
    : '-'? NUMBER
    ;

body
    : BODY_OPEN BODY_TEXT* BODY_CLOSE
    ;

