// Solves an ALTCHA challenge (JSON as the first argument) and prints the payload for the _altcha field.
// Mode "own": the portal's own browser solver (second argument: the path of altcha-solver.js), with Node's WebCrypto.
// Mode "altcha-lib": the reference library altcha-lib (its v1 API, the challenge format of org.altcha:altcha 1.x).
'use strict';

async function main() {
    const [mode, challengeJson, solverPath] = process.argv.slice(2);
    const challenge = JSON.parse(challengeJson);
    let number;
    let took;
    if (mode === 'own') {
        const solver = require(solverPath);
        const started = Date.now();
        number = await solver.solve(challenge, globalThis.crypto.subtle);
        took = Date.now() - started;
        if (number === null) {
            throw new Error('the own solver found no number');
        }
        process.stdout.write(solver.payload(challenge, number, took));
        return;
    }
    if (mode === 'altcha-lib') {
        const altcha = require('altcha-lib/v1');
        const solution = await altcha.solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm,
            challenge.maxnumber).promise;
        if (!solution) {
            throw new Error('altcha-lib found no number');
        }
        // the payload as the ALTCHA widget sends it: base64 of the JSON
        const payload = {
            algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number,
            salt: challenge.salt, signature: challenge.signature, took: solution.took
        };
        process.stdout.write(Buffer.from(JSON.stringify(payload)).toString('base64'));
        return;
    }
    throw new Error('unknown mode ' + mode);
}

main().catch((e) => {
    process.stderr.write(String(e && e.stack || e) + '\n');
    process.exit(1);
});
