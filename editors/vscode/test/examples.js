// Tokenizes every .qj file of the examples, the bundled library and the bench
// kernels with the grammar, and fails if a token is scoped invalid or if a
// file ends inside a region: an assembly body, a comment or a string left open
// means the grammar lost track of where a body ends. With file arguments,
// checks only those.
'use strict';

const fs = require('fs');
const path = require('path');
const { tm, loadGrammar } = require('./grammar');

const repo = path.resolve(__dirname, '../../..');
const sourceFolders = ['examples', 'runtime-m68k/lib', 'bench'];

function qjFiles(folder) {
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) return qjFiles(file);
        return entry.name.endsWith('.qj') ? [file] : [];
    });
}

/** The problems of one file, as "file:line:column: message" lines. */
function check(grammar, file) {
    const problems = [];
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    let state = tm.INITIAL;
    lines.forEach((line, i) => {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) {
            const invalid = token.scopes.find((scope) => scope.startsWith('invalid'));
            if (invalid) {
                problems.push(`${file}:${i + 1}:${token.startIndex + 1}: ${invalid}: ` +
                    JSON.stringify(line.slice(token.startIndex, token.endIndex)));
            }
        }
        state = result.ruleStack;
    });
    if (state.depth !== 1) { // more than the grammar's root on the stack
        problems.push(`${file}:${lines.length}: the file ends inside a region (an assembly body, comment or string)`);
    }
    return problems;
}

async function main() {
    const files = process.argv.length > 2
        ? process.argv.slice(2)
        : sourceFolders.flatMap((folder) => qjFiles(path.join(repo, folder))).sort();
    const grammar = await loadGrammar();
    const problems = files.flatMap((file) => check(grammar, path.relative(process.cwd(), file)));
    problems.forEach((problem) => console.error(problem));
    console.log(`${files.length} .qj files tokenized, ${problems.length} problems`);
    process.exitCode = problems.length === 0 ? 0 : 1;
}

main();
