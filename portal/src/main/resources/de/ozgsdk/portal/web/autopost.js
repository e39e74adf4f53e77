// Submits the forwarding forms of the login (to the identity provider and back to the portal) at once; the pages
// work without it: the citizen presses the button. A file, not inline, for a Content-Security-Policy without
// 'unsafe-inline'.
document.querySelectorAll('form[data-ozg-autopost]').forEach(function (form) { form.submit(); });
