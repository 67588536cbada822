// Runs the install commands of docs/editors.md as printed, from the
// repository's root with a temporary home folder, and checks that the copy
// is a whole extension: the files package.json lists, and every grammar and
// language configuration it names.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const repo = path.resolve(__dirname, '../../..');
const doc = fs.readFileSync(path.join(repo, 'docs/editors.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Installing the extension'));
const commands = section.slice(section.indexOf('```sh\n') + '```sh\n'.length, section.indexOf('\n```', section.indexOf('```sh\n')));

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qj-editor-home-'));
const problems = [];
try {
    execFileSync('bash', ['-e', '-c', commands], { cwd: repo, env: { ...process.env, HOME: home }, stdio: 'pipe' });
    const installed = path.join(home, '.vscode/extensions');
    const folders = fs.readdirSync(installed);
    if (folders.length !== 1) {
        problems.push(`expected one extension folder in ${installed}, found: ${folders.join(', ')}`);
    } else {
        const extension = path.join(installed, folders[0]);
        const manifest = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
        const named = [
            ...manifest.files,
            ...manifest.contributes.grammars.map((grammar) => grammar.path),
            ...manifest.contributes.languages.map((language) => language.configuration),
        ];
        for (const file of named) {
            if (!fs.existsSync(path.join(extension, file))) problems.push(`the copy lacks ${file}`);
        }
    }
} catch (error) {
    problems.push(`the install commands failed: ${error.message}`);
} finally {
    fs.rmSync(home, { recursive: true, force: true });
}
problems.forEach((problem) => console.error(problem));
console.log(`install commands of docs/editors.md checked, ${problems.length} problems`);
process.exitCode = problems.length === 0 ? 0 : 1;
