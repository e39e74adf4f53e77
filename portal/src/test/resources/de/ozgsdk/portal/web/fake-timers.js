// Installed before a page's scripts (CDP Page.addScriptToEvaluateOnNewDocument): the page's timers run when the
// test moves this clock (window.ozgTestClock.tick(ms)), not in real time, so a two-minute warning is tested at
// once and without sleeps. restore() gives the page the browser's own timers back (e.g. before axe-core runs).
(function () {
    'use strict';
    var realSetTimeout = window.setTimeout;
    var realClearTimeout = window.clearTimeout;
    var now = 0;
    var sequence = 0;
    var queue = [];
    window.setTimeout = function (callback, delay) {
        sequence += 1;
        queue.push({id: sequence, at: now + Math.max(0, Number(delay) || 0), callback: callback});
        return sequence;
    };
    window.clearTimeout = function (id) {
        queue = queue.filter(function (timer) { return timer.id !== id; });
    };
    window.ozgTestClock = {
        tick: function (milliseconds) {
            var target = now + milliseconds;
            for (;;) {
                queue.sort(function (a, b) { return a.at - b.at || a.id - b.id; });
                if (queue.length === 0 || queue[0].at > target) {
                    break;
                }
                var next = queue.shift();
                now = next.at;
                next.callback();
            }
            now = target;
        },
        pending: function () {
            return queue.length;
        },
        restore: function () {
            window.setTimeout = realSetTimeout;
            window.clearTimeout = realClearTimeout;
        }
    };
}());
