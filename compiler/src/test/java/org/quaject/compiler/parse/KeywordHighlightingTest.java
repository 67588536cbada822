package org.quaject.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;
import org.quaject.compiler.parse.antlr.QjLexer;

/**
 * The editor grammar (editors/vscode/syntaxes/qj.tmLanguage.json) follows the lexer:
 * it highlights exactly the lexer's keywords, and opens an assembly body after
 * exactly the keywords after which the lexer does. A keyword added to QjLexer.g4
 * fails this test until the grammar's {@code keywords} rules list it, and a word the
 * lexer drops fails it until they no longer do.
 */
class KeywordHighlightingTest {

    private static final Path GRAMMAR = Path.of(System.getProperty("qj.root", ".."))
            .resolve("editors/vscode/syntaxes/qj.tmLanguage.json");

    /** A keyword rule of the grammar: a match of exactly {@code \b(?:word|word|...)\b}, as written in JSON. */
    private static final Pattern KEYWORD_RULE = Pattern.compile("\"match\": \"\\\\\\\\b\\(\\?:([a-z|]+)\\)\\\\\\\\b\"");

    /** The grammar's {@code body-header} rule: it begins with {@code \b(word|...)\b}, as written in JSON. */
    private static final Pattern BODY_HEADER_RULE = Pattern.compile("\"begin\": \"\\\\\\\\b\\(([a-z|]+)\\)\\\\\\\\b");

    /** The lexer's keywords: its tokens whose literal is a word, such as {@code 'quaject'}. */
    private static Set<String> lexerKeywords() {
        Vocabulary vocabulary = QjLexer.VOCABULARY;
        return IntStream.rangeClosed(1, vocabulary.getMaxTokenType())
                .mapToObj(vocabulary::getLiteralName)
                .filter(literal -> literal != null && literal.matches("'[a-z]+'"))
                .map(literal -> literal.substring(1, literal.length() - 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every word of the grammar's keyword rules, as often as the rules list it. */
    private static List<String> highlightedKeywords() throws IOException {
        Matcher rule = KEYWORD_RULE.matcher(Files.readString(GRAMMAR));
        List<String> words = new ArrayList<>();
        while (rule.find()) {
            words.addAll(List.of(rule.group(1).split("\\|")));
        }
        return words;
    }

    /** The keywords after which the lexer reads a '{' as the start of an assembly body. */
    private static Set<String> lexerBodyKeywords() {
        return lexerKeywords().stream()
                .filter(keyword -> new QjLexer(CharStreams.fromString(keyword + " {")).getAllTokens().get(1).getType()
                        == QjLexer.BODY_OPEN)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theGrammarOpensAnAssemblyBodyAfterTheKeywordsTheLexerDoes() throws IOException {
        Matcher rule = BODY_HEADER_RULE.matcher(Files.readString(GRAMMAR));
        assertTrue(rule.find(), "no body-header rule beginning with \\b(word|...)\\b in " + GRAMMAR);
        Set<String> bodyKeywords = lexerBodyKeywords();
        assertTrue(bodyKeywords.contains("callentry"), "keywords that open a body, read from the lexer: " + bodyKeywords);
        assertEquals(bodyKeywords, new TreeSet<>(List.of(rule.group(1).split("\\|"))),
                "the body-header rule of " + GRAMMAR + " must list the keywords after which QjLexer.g4 opens an assembly body");
        assertFalse(rule.find(), "a second rule beginning with \\b(word|...)\\b in " + GRAMMAR);
    }

    @Test
    void theGrammarHighlightsEveryKeywordOfTheLexerOnce() throws IOException {
        Set<String> keywords = lexerKeywords();
        List<String> highlighted = highlightedKeywords();
        assertTrue(keywords.contains("quaject") && keywords.contains("callentry"), "keywords read from the lexer: " + keywords);
        Set<String> missing = new TreeSet<>(keywords);
        missing.removeAll(highlighted);
        Set<String> extra = new TreeSet<>(highlighted);
        extra.removeAll(keywords);
        assertEquals(keywords, new TreeSet<>(highlighted), "the keyword rules of " + GRAMMAR
                + " must list the keywords of QjLexer.g4; missing: " + missing + ", not keywords: " + extra);
        assertEquals(highlighted.size(), keywords.size(), "a keyword listed twice in " + GRAMMAR + ": " + highlighted);
    }
}
