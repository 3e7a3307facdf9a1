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
  // One navigation menu open at a time; a click elsewhere or Escape closes it.
  function closeMenus(except) {
    document.querySelectorAll('.app-nav-group details[open]').forEach(function (d) {
      if (d !== except) d.removeAttribute('open');
    });
  }
  document.addEventListener('toggle', function (event) {
    var d = event.target;
    if (d.open && d.closest && d.closest('.app-nav-group')) closeMenus(d);
  }, true);
  document.addEventListener('click', function (event) {
    if (!event.target.closest || !event.target.closest('.app-nav-group')) closeMenus(null);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') closeMenus(null);
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var message = form && form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
