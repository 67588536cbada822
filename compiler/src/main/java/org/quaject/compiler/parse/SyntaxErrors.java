package org.quaject.compiler.parse;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.diag.SourceFile;
import org.quaject.compiler.parse.antlr.QjLexer;
import org.quaject.compiler.parse.antlr.QjParser;

/**
 * Turns ANTLR's lexer and parser errors into diagnostics, with token names the
 * user can recognise instead of the grammar's internal ones.
 */
final class SyntaxErrors extends BaseErrorListener {

    private static final Map<String, String> TOKEN_WORDS = Map.ofEntries(
            Map.entry("BODY_OPEN", "'{'"),
            Map.entry("BODY_CLOSE", "'}' closing the assembly body"),
            Map.entry("BODY_TEXT", "assembly"),
            Map.entry("LBRACE", "'{'"),
            Map.entry("RBRACE", "'}'"),
            Map.entry("ID", "a name"),
            Map.entry("NUMBER", "a number"),
            Map.entry("STRING", "a string"),
            Map.entry("UNEXPECTED", "an unexpected character"));

    private static final Pattern TOKEN_NAME = Pattern.compile("\\b[A-Z][A-Z_]+\\b");

    private final SourceFile file;
    private final Diagnostics diagnostics;

    /** After an unterminated string, comment or body, what follows is noise: say nothing more. */
    private boolean unterminated;

    SyntaxErrors(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String message, RecognitionException e) {
        if (unterminated) {
            return;
        }
        Position at = new Position(file, line, charPositionInLine + 1);
        if (offendingSymbol instanceof Token token) {
            switch (token.getType()) {
                case QjLexer.UNTERMINATED_STRING -> {
                    diagnostics.error(at, "unterminated string: no closing '\"' on this line");
                    unterminated = true;
                    return;
                }
                case QjLexer.UNTERMINATED_COMMENT -> {
                    diagnostics.error(at, "unterminated comment: '/*' without '*/'");
                    unterminated = true;
                    return;
                }
                case Token.EOF -> {
                    Optional<Token> body = openBody(recognizer);
                    if (body.isPresent()) {
                        diagnostics.error(at, "end of file inside the assembly body opened at %d:%d: "
                                + "missing '}' closing the assembly body", body.get().getLine(),
                                body.get().getCharPositionInLine() + 1);
                        unterminated = true;
                        return;
                    }
                }
                default -> {
                }
            }
        }
        diagnostics.error(at, "%s", readable(message));
    }

    /** The opening brace of the assembly body the parser is in, if it is in one. */
    private static Optional<Token> openBody(Recognizer<?, ?> recognizer) {
        if (recognizer instanceof Parser parser) {
            for (RuleContext c = parser.getContext(); c != null; c = c.parent) {
                if (c instanceof QjParser.BodyContext body) {
                    return Optional.of(body.getStart());
                }
            }
        }
        return Optional.empty();
    }

    /** Replaces token type names in an ANTLR message by words, and tidies its quoting. */
    static String readable(String message) {
        Matcher m = TOKEN_NAME.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = TOKEN_WORDS.getOrDefault(m.group(), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString()
                .replace("'<EOF>'", "end of file")
                .replace("<EOF>", "end of file")
                .replace("token recognition error at: ", "unexpected character ");
    }
}
