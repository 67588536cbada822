// What VS Code's Toggle Line Comment and Toggle Block Comment write is a
// comment to the grammar where it is written: the language qj's `//` and
// `/* */` in declarations, and in assembly bodies the `|` of the language
// qj-assembly, which package.json maps the bodies to.
'use strict';

const { tm, languages, loadGrammar } = require('./grammar');

const ENCODED_LANGUAGE_MASK = 0xff; // vscode-textmate's EncodedTokenAttributes: the language in bits 0-7

/** The comments a language's configuration makes. */
function comments(id) {
    const { lineComment, blockComment } = languages.get(id).configuration.comments;
    return [lineComment && `${lineComment} a line comment`, blockComment && `${blockComment[0]} a block ${blockComment[1]}`]
        .filter(Boolean)
        .map((text) => ({ text, id }));
}

/** A quaject with the comments of qj among its declarations and those of qj-assembly in a body. */
function source() {
    const indent = (spaces) => (line) => ({ ...line, text: ' '.repeat(spaces) + line.text });
    return [
        { text: 'quaject Q {' },
        ...comments('qj').map(indent(4)),
        { text: '    callentry c() {' },
        ...comments('qj-assembly').map(indent(8)),
        { text: '        rts' },
        { text: '    }' },
        { text: '}' },
    ];
}

async function main() {
    const grammar = await loadGrammar();
    const problems = [];
    let checked = 0;
    let state = tm.INITIAL;
    for (const { text, id } of source()) {
        const scoped = grammar.tokenizeLine(text, state);
        const encoded = grammar.tokenizeLine2(text, state).tokens; // start, attributes, start, attributes...
        state = scoped.ruleStack;
        if (id === undefined) continue;
        checked++;
        const start = text.length - text.trimStart().length;
        const attributes = encoded[encoded.findLastIndex((x, i) => i % 2 === 0 && x <= start) + 1];
        const language = attributes & ENCODED_LANGUAGE_MASK;
        if (language !== languages.get(id).number) {
            problems.push(`${JSON.stringify(text.trim())}, a comment of ${id}: the grammar puts it in language number ${language}`);
        }
        if (scoped.tokens.some((token) => token.endIndex > start && !token.scopes.some((s) => s.startsWith('comment.')))) {
            problems.push(`${JSON.stringify(text.trim())}, a comment of ${id}: not all comment to the grammar`);
        }
    }
    problems.forEach((problem) => console.error(problem));
    console.log(`${checked} comments checked, ${problems.length} problems`);
    process.exitCode = problems.length === 0 ? 0 : 1;
}

main();
