// thidua's only script: pages work without it. It hands the CSRF token to htmx requests
// (the server checks X-CSRF-Token on every state-changing request) and asks before
// irreversible actions marked with data-confirm.
(function () {
  'use strict';
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }
  document.addEventListener('htmx:configRequest', function (event) {
    event.detail.headers['X-CSRF-Token'] = csrfToken();
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var message = form && form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
