package org.quaject.compiler.parse;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.diag.SourceFile;

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
            Map.entry("ID", "a name"),
            Map.entry("NUMBER", "a number"),
            Map.entry("STRING", "a string"),
            Map.entry("UNEXPECTED", "an unexpected character"));

    private static final Pattern TOKEN_NAME = Pattern.compile("\\b[A-Z][A-Z_]+\\b");

    private final SourceFile file;
    private final Diagnostics diagnostics;

    SyntaxErrors(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String message, RecognitionException e) {
        diagnostics.error(new Position(file, line, charPositionInLine + 1), "%s", readable(message));
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
