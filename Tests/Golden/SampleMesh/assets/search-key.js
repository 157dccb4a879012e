// "/" focuses the search box (the search page's own box when there is one), as on many sites.
// Loaded on every page; the search engine itself (search.js) loads only on the search page.
(function () {
  'use strict';
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable)) return;
    var box = document.getElementById('search-input') || document.querySelector('[data-search-shortcut]');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
})();
