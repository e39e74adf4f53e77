// Measures the laid-out page in the current viewport; run by AccessibilityHarness through WebDriver.
// arguments[0]: the CSS width the layout viewport must have, arguments[1]: the minimum touch target size in CSS px.
// Returns a list of {kind, target, detail}; kinds match LayoutFinding.Kind.
const expectedWidth = arguments[0];
const minTarget = arguments[1];
const tolerance = 0.5; // sub-pixel rounding of boxes; a real defect is whole pixels off
const doc = document.documentElement;
const viewportWidth = doc.clientWidth;
const findings = [];

function selector(el) {
    const parts = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
        if (e.id) {
            parts.unshift('#' + CSS.escape(e.id));
            break;
        }
        let part = e.localName;
        if (e.parentElement) {
            const same = Array.from(e.parentElement.children).filter(s => s.localName === e.localName);
            if (same.length > 1) {
                part += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
            }
        }
        parts.unshift(part);
    }
    return parts.join(' > ');
}

function px(n) {
    return Math.round(n * 10) / 10;
}

// The visually-hidden pattern (clip / clip-path / 1 px box) keeps text for screen readers only: not content that
// can be clipped or overflow, and no touch target until it is shown.
function visuallyHidden(el) {
    if (el.getClientRects().length === 0) {
        return true;
    }
    for (let e = el; e && e !== doc; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.visibility === 'hidden' || s.visibility === 'collapse') {
            return true;
        }
        if ((s.clip && s.clip !== 'auto') || (s.clipPath && s.clipPath !== 'none')) {
            return true;
        }
        const r = e.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) {
            return true;
        }
    }
    return false;
}

function scrolls(value) {
    return value === 'auto' || value === 'scroll';
}

function clips(value) {
    return value === 'hidden' || value === 'clip';
}

// WCAG 1.4.10 exempts data tables: a scroll container whose content is a table may scroll sideways.
function wrapsTable(el) {
    return el.children.length === 1 && el.children[0].localName === 'table';
}

function insideScrollContainer(el) {
    for (let e = el.parentElement; e && e !== document.body && e !== doc; e = e.parentElement) {
        if (scrolls(getComputedStyle(e).overflowX)) {
            return true;
        }
    }
    return false;
}

const all = Array.from(document.body.querySelectorAll('*'));
const visible = all.filter(el => !visuallyHidden(el));

// A mobile browser lays a page without a viewport meta tag out at 980 px and shrinks it, which hides every
// reflow problem; content wider than the viewport only zooms the visual viewport out, not the layout viewport.
if (viewportWidth > expectedWidth) {
    findings.push({kind: 'VIEWPORT_WIDTH', target: 'html',
        detail: 'layout viewport is ' + viewportWidth + ' CSS px wide, expected ' + expectedWidth
            + ' (missing <meta name="viewport" content="width=device-width, initial-scale=1">?)'});
}

if (doc.scrollWidth > viewportWidth) {
    const origins = visible
        .filter(el => !insideScrollContainer(el))
        .filter(el => {
            const r = el.getBoundingClientRect();
            const outside = r.right > viewportWidth + tolerance || r.left < -tolerance;
            const parent = el.parentElement.getBoundingClientRect();
            const parentInside = parent.right <= viewportWidth + tolerance && parent.left >= -tolerance;
            const ownOverflow = getComputedStyle(el).overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1
                && Array.from(el.children).every(c => c.scrollWidth <= c.clientWidth + 1);
            return (outside && parentInside) || ownOverflow;
        })
        .slice(0, 5)
        .map(el => selector(el) + ' (' + px(el.getBoundingClientRect().left) + '..'
            + px(el.getBoundingClientRect().right) + ')');
    findings.push({kind: 'HORIZONTAL_SCROLL', target: 'html',
        detail: 'page is ' + doc.scrollWidth + ' CSS px wide in a ' + viewportWidth + ' px viewport; sticking out: '
            + (origins.length ? origins.join(', ') : 'text wider than its box')});
}

for (const el of visible) {
    // Form controls scroll their own value (a long entry in a text input is not lost content).
    if (el.matches('input, select, textarea')) {
        continue;
    }
    const s = getComputedStyle(el);
    const wideBy = el.scrollWidth - el.clientWidth;
    const tallBy = el.scrollHeight - el.clientHeight;
    if (scrolls(s.overflowX) && wideBy > 1 && !wrapsTable(el)) {
        findings.push({kind: 'SCROLL_CONTAINER', target: selector(el),
            detail: 'scrolls sideways: content ' + el.scrollWidth + ' px in a ' + el.clientWidth + ' px box'});
    }
    const clippedX = clips(s.overflowX) && wideBy > 1;
    const clippedY = clips(s.overflowY) && tallBy > 1;
    if (clippedX || clippedY) {
        findings.push({kind: 'CLIPPED_CONTENT', target: selector(el),
            detail: 'overflow ' + s.overflowX + '/' + s.overflowY + ' cuts off content of ' + el.scrollWidth + '×'
                + el.scrollHeight + ' px in a ' + el.clientWidth + '×' + el.clientHeight + ' px box'});
    }
}

function boxOf(el) {
    const r = el.getBoundingClientRect();
    return {width: r.width, height: r.height};
}

function bigEnough(box) {
    return box.width + tolerance >= minTarget && box.height + tolerance >= minTarget;
}

// WCAG 2.5.5 "Inline": a link inside a sentence (its block holds more text than the link) is exempt.
function inlineInSentence(el) {
    if (el.localName !== 'a' || getComputedStyle(el).display !== 'inline') {
        return false;
    }
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') {
        block = block.parentElement;
    }
    return block.textContent.trim().length > el.textContent.trim().length;
}

const interactive = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], '
    + '[role="link"], [tabindex]:not([tabindex="-1"])';
for (const el of document.body.querySelectorAll(interactive)) {
    if (el.disabled || inlineInSentence(el)) {
        continue;
    }
    // WCAG 2.5.5 "Equivalent": a control's labels toggle/focus it, so a big enough label makes a small (or
    // visually hidden) checkbox, radio or file input a big enough target.
    const labels = el.labels ? Array.from(el.labels).filter(l => !visuallyHidden(l)) : [];
    const selfVisible = !visuallyHidden(el);
    if (!selfVisible && labels.length === 0) {
        continue;
    }
    const boxes = (selfVisible ? [boxOf(el)] : []).concat(labels.map(boxOf));
    if (!boxes.some(bigEnough)) {
        const own = boxOf(el);
        findings.push({kind: 'TOUCH_TARGET', target: selector(el),
            detail: 'target is ' + px(own.width) + '×' + px(own.height) + ' CSS px'
                + (labels.length ? ' and its label ' + labels.map(l => px(boxOf(l).width) + '×'
                    + px(boxOf(l).height)).join(', ') : '')
                + ', needs at least ' + minTarget + '×' + minTarget});
    }
}

return findings;
