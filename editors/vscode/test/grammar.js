// Loads the extension's .qj grammar as VS Code does, with vscode-textmate and
// vscode-oniguruma, and the scopes-to-languages map package.json gives it.
'use strict';

const fs = require('fs');
const path = require('path');
const tm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const extension = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
const contribution = manifest.contributes.grammars.find((grammar) => grammar.scopeName === 'source.qj');

/** The extension's languages by id, each numbered from 1 in package.json's order as VS Code numbers them. */
const languages = new Map(manifest.contributes.languages.map((language, i) => [language.id, {
    number: i + 1,
    configuration: JSON.parse(fs.readFileSync(path.join(extension, language.configuration), 'utf8')),
}]));

async function loadGrammar() {
    await oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
    const grammarPath = path.join(extension, contribution.path);
    const registry = new tm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
            createOnigString: (s) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async () => tm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
    });
    const embeddedLanguages = Object.fromEntries(Object.entries(contribution.embeddedLanguages || {})
        .map(([scope, id]) => [scope, languages.get(id).number]));
    return registry.loadGrammarWithConfiguration('source.qj', languages.get(contribution.language).number,
        { embeddedLanguages });
}

module.exports = { tm, languages, loadGrammar };
