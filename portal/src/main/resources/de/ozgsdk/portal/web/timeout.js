// The time-out warning of the portal pages (WCAG 2.2.1 Timing Adjustable). The pages work without it: they state the
// session's end in text and offer an "extend" form. With it, a dialog warns before the end, extends the session
// where the page offers that, and saves the step's input before the end, so that a time-out never loses input.
// Every time comes from the page (data-ozg-session-end and data-ozg-now, both from the server's clock), every text
// from the page's markup (German or English); the browser's own clock is never read, only its timers.
(function () {
    'use strict';
    var box = document.getElementById('ozg-session-end');
    var dialog = document.getElementById('ozg-timeout-dialog');
    if (!box || !dialog || typeof dialog.showModal !== 'function') {
        return;
    }
    var form = document.getElementById('ozg-form');
    var status = dialog.querySelector('[data-ozg-timeout-status]');
    var text = dialog.querySelector('[data-ozg-session-text]');
    var extendButton = dialog.querySelector('[data-ozg-extend]');
    var saveLeaveButton = dialog.querySelector('[data-ozg-save-leave]');
    var closeButton = dialog.querySelector('[data-ozg-close]');
    var token = document.querySelector('input[name="_csrf"]');
    var saveLead = 15000; // the last save, this long before the end
    var timers = [];
    var returnFocus = null;

    function say(key) {
        status.textContent = status.getAttribute('data-ozg-' + key);
    }

    function schedule() {
        timers.forEach(function (timer) { clearTimeout(timer); });
        var left = Date.parse(box.getAttribute('data-ozg-session-end')) - Date.parse(box.getAttribute('data-ozg-now'));
        var warn = parseInt(box.getAttribute('data-ozg-warn'), 10) * 1000;
        timers = [setTimeout(warnNow, Math.max(0, left - warn)), setTimeout(ended, Math.max(0, left))];
        if (form) {
            timers.push(setTimeout(save, Math.max(0, left - saveLead)));
        }
    }

    function open() {
        if (!dialog.open) {
            returnFocus = document.activeElement;
            dialog.showModal();
        }
        (extendButton && !extendButton.hidden ? extendButton : saveLeaveButton || closeButton).focus();
    }

    function warnNow() {
        status.textContent = '';
        open();
        save();
    }

    function ended() {
        if (extendButton) {
            extendButton.hidden = true;
        }
        open();
        say('ended');
    }

    // A draft save of the step as it stands, without validation; the server does not count it as activity, so an
    // unattended page does not keep its session alive.
    function save() {
        if (!form) {
            return;
        }
        var body = form.enctype === 'multipart/form-data' ? new FormData(form)
            : new URLSearchParams(new FormData(form));
        fetch(form.action, {method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual',
                headers: {'X-OZG-Autosave': '1', 'Accept': 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (answer) {
                var version = form.querySelector('input[name="_version"]');
                if (version && answer.version !== undefined) {
                    version.value = String(answer.version);
                }
                say('saved');
            })
            .catch(function () { say('failed'); });
    }

    function extend() {
        var body = new URLSearchParams();
        body.set('_csrf', token ? token.value : '');
        fetch(box.getAttribute('data-ozg-extend'), {method: 'POST', body: body, credentials: 'same-origin',
                headers: {'Accept': 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (answer) {
                box.setAttribute('data-ozg-session-end', answer.end);
                box.setAttribute('data-ozg-now', answer.now);
                box.textContent = answer.text;
                text.textContent = answer.text;
                if (!answer.extendable) {
                    extendButton.hidden = true;
                }
                dialog.close();
                schedule();
            })
            .catch(function () { say('failed'); });
    }

    function saveAndLeave() {
        var save = document.querySelector('button[name="_save"][form="ozg-form"]');
        if (save && typeof form.requestSubmit === 'function') {
            form.requestSubmit(save);
        } else {
            var field = document.createElement('input');
            field.type = 'hidden';
            field.name = '_save';
            field.value = 'save';
            form.appendChild(field);
            form.submit();
        }
    }

    if (extendButton) {
        extendButton.addEventListener('click', extend);
    }
    if (saveLeaveButton) {
        saveLeaveButton.addEventListener('click', saveAndLeave);
    }
    closeButton.addEventListener('click', function () { dialog.close(); });
    // Escape closes the dialog natively (its cancel event); either way the focus goes back where it was
    dialog.addEventListener('close', function () {
        if (returnFocus && typeof returnFocus.focus === 'function') {
            returnFocus.focus();
        }
    });
    schedule();
}());
