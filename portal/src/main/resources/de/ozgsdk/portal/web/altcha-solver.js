/*
 * The portal's own ALTCHA solver (proof of work against too many requests), no third party. A form marked
 * data-ozg-altcha carries the challenge {algorithm, challenge, maxnumber, salt, signature}; this script finds the number
 * n in 0..maxnumber with SHA-256(salt + n) = challenge (hex) by WebCrypto, writes the payload
 * base64(JSON {algorithm, challenge, number, salt, signature, took}) into the field _altcha and sends the form. The
 * live region says what happens. Without this script (or without WebCrypto) the form's button still works after the
 * stated waiting time: the server accepts the waiting token instead.
 */
(function (root) {
    'use strict';

    function hex(buffer) {
        var bytes = new Uint8Array(buffer);
        var out = '';
        for (var i = 0; i < bytes.length; i++) {
            out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
        }
        return out;
    }

    /** Resolves to the number, or null when none in 0..max matches (or the algorithm is not SHA-256). */
    async function solve(challenge, subtle) {
        if (challenge.algorithm !== 'SHA-256') {
            return null;
        }
        var encoder = new TextEncoder();
        var max = Number(challenge.maxnumber);
        for (var n = 0; n <= max; n++) {
            var digest = await subtle.digest('SHA-256', encoder.encode(challenge.salt + n));
            if (hex(digest) === challenge.challenge) {
                return n;
            }
        }
        return null;
    }

    /** The payload for the _altcha field. */
    function payload(challenge, number, took) {
        var json = JSON.stringify({
            algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
            salt: challenge.salt, signature: challenge.signature, took: took
        });
        return btoa(json);
    }

    function bind(form, subtle) {
        var status = form.querySelector('[role=status]');
        var field = form.querySelector('input[name=_altcha]');
        var solved = false;
        var pressed = false;
        form.addEventListener('submit', function (event) {
            // a press before the answer is ready waits for it; the server would only accept the waiting token
            if (!solved && subtle) {
                pressed = true;
                event.preventDefault();
            }
        });
        if (!subtle || !field) {
            return;
        }
        var challenge = JSON.parse(form.getAttribute('data-ozg-altcha'));
        var fallback = status.textContent;
        // the waiting path stays: without an answer, the page's own text and button take over again
        function giveUp() {
            solved = true;
            status.textContent = fallback;
            if (pressed) {
                form.submit();
            }
        }
        status.textContent = form.getAttribute('data-ozg-working');
        var started = Date.now();
        solve(challenge, subtle).then(function (number) {
            if (number === null) {
                giveUp();
                return;
            }
            solved = true;
            field.value = payload(challenge, number, Date.now() - started);
            status.textContent = form.getAttribute('data-ozg-done');
            form.submit();
        }, giveUp);
    }

    if (typeof module !== 'undefined' && module.exports) {
        module.exports = { solve: solve, payload: payload };
    }
    if (typeof document !== 'undefined') {
        var subtle = root.crypto && root.crypto.subtle;
        var forms = document.querySelectorAll('form[data-ozg-altcha]');
        for (var i = 0; i < forms.length; i++) {
            bind(forms[i], subtle);
        }
    }
}(typeof window !== 'undefined' ? window : globalThis));
