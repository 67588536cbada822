/*
 * Tokens of the .qj language (QjParser.g4 holds the grammar).
 *
 * A '{' that follows `callentry`, `default`, `main` or `test` opens an assembly
 * body: the ASSEMBLY mode takes everything up to the matching '}' as raw text,
 * counting nested braces (bit-field operands such as `bfextu d0{#0:#8},d1`).
 */
lexer grammar QjLexer;

tokens { LBRACE }

@members {
    /** A keyword that introduces an assembly body was seen; its '{' opens the body. */
    private boolean assemblyBodyFollows;
    /** Unbalanced '{' seen inside the current assembly body. */
    private int assemblyBraceDepth;
}

IMPORT    : 'import' ;
QUAJECT   : 'quaject' ;
DEVICE    : 'device' ;
QUEUE     : 'queue' ;
STACK     : 'stack' ;
KERNEL    : 'kernel' ;
VAR       : 'var' ;
REGISTER  : 'register' ;
AT        : 'at' ;
CALLOUT   : 'callout' ;
CALLBACK  : 'callback' ;
CLOBBERS  : 'clobbers' ;
INLINE    : 'inline' ;
INTERRUPT : 'interrupt' ;
IRQ       : 'irq' ;
BYTE      : 'byte' ;
WORD      : 'word' ;
LONG      : 'long' ;
BOARD     : 'board' ;
RAM       : 'ram' ;
INSTANCE  : 'instance' ;
CONNECT   : 'connect' ;
INPUT     : 'input' ;
CALLENTRY : 'callentry' { assemblyBodyFollows = true; } ;
DEFAULT   : 'default' { assemblyBodyFollows = true; } ;
MAIN      : 'main' { assemblyBodyFollows = true; } ;
TEST      : 'test' { assemblyBodyFollows = true; } ;

BODY_OPEN
    : '{' {
        if (assemblyBodyFollows) {
            assemblyBodyFollows = false;
            assemblyBraceDepth = 0;
            pushMode(ASSEMBLY);
        } else {
            setType(LBRACE);
        }
      }
    ;

RBRACE   : '}' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COLON    : ':' ;
COMMA    : ',' ;
DOT      : '.' ;
ARROW    : '->' ;
EQUALS   : '=' ;
MINUS    : '-' ;

/** Decimal or 0x hexadecimal; K and M multiply by 1024 and 1024*1024 (`ram 16M`). */
NUMBER
    : '0' [xX] [0-9a-fA-F] [0-9a-fA-F_]*
    | [0-9] [0-9_]* [KM]?
    ;

ID      : [a-zA-Z_] [a-zA-Z_0-9]* ;
STRING  : '"' ( '\\' . | ~["\\\r\n] )* '"' ;

LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;

/** Never valid: they exist so that the parser can say what is unterminated. */
UNTERMINATED_STRING  : '"' ( '\\' . | ~["\\\r\n] )* ;
UNTERMINATED_COMMENT : '/*' .*? EOF ;
WS            : [ \t\r\n]+ -> skip ;

/** Anything else is reported by the parser as an unexpected character. */
UNEXPECTED : . ;

mode ASSEMBLY;

BODY_TEXT
    : ~[{}]+
    ;

BODY_NESTED_OPEN
    : '{' { assemblyBraceDepth++; setType(BODY_TEXT); }
    ;

BODY_CLOSE
    : '}' {
        if (assemblyBraceDepth > 0) {
            assemblyBraceDepth--;
            setType(BODY_TEXT);
        } else {
            popMode();
        }
      }
    ;
