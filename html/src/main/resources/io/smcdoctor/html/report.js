(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  // a script error or a blocked resource leaves a mark on the page (and in the console): nothing else may run here
  window.addEventListener('error', function (e) {
    root.setAttribute('data-script-error', String(e.message || e.type));
  });
  // every distinct violation is kept (comma-separated, in the order the browser reported them): one blocked image
  // must not hide a blocked script that the browser happened to report first
  document.addEventListener('securitypolicyviolation', function (e) {
    var entry = e.violatedDirective + ' ' + (e.blockedURI || 'inline');
    var seen = root.getAttribute('data-csp-violation');
    if (seen === null) {
      root.setAttribute('data-csp-violation', entry);
    } else if ((', ' + seen + ', ').indexOf(', ' + entry + ', ') < 0) {
      root.setAttribute('data-csp-violation', seen + ', ' + entry);
    }
  });
  function show(button, attribute) {
    button.textContent = button.getAttribute(attribute);
    window.setTimeout(function () { button.textContent = button.getAttribute('data-label'); }, 1600);
  }
  function copyBySelection(code) {
    var area = document.createElement('textarea');
    area.value = code.textContent;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
    document.body.removeChild(area);
    if (!ok) {
      // leave the command selected for Ctrl+C
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    return ok;
  }
  function copy(button) {
    var code = button.parentNode.querySelector('code');
    if (!code) { return; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code.textContent).then(function () { show(button, 'data-done'); }, function () {
        show(button, copyBySelection(code) ? 'data-done' : 'data-fail');
      });
    } else {
      show(button, copyBySelection(code) ? 'data-done' : 'data-fail');
    }
  }
  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest ? e.target.closest('button.copy') : null;
    if (button) { copy(button); }
  });
  // printing shows everything: open the closed sections for the printout, close them again afterwards
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.slice.call(document.querySelectorAll('details:not([open])'));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  document.addEventListener('DOMContentLoaded', function () { root.setAttribute('data-ready', 'true'); });
}());
