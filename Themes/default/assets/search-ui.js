// The search page: results as you type, a combobox with a listbox of links, filters in the URL.
// Every piece of index text goes into the page through textContent, never as HTML.
(function () {
  'use strict';
  var S = window.meshSearch;
  var input = document.getElementById('search-input');
  var list = document.querySelector('[data-search-results]');
  var status = document.getElementById('search-status');
  var form = document.querySelector('[data-search-form]');
  if (!S || !input || !list) return;
  var selects = Array.prototype.slice.call(document.querySelectorAll('[data-search-filter]'));
  var KIND_LABEL = { product: 'Product', port: 'Output port', column: 'Column', doc: 'Doc', domain: 'Domain', team: 'Team' };
  var PAGE = 20, limit = PAGE, sequence = 0, active = -1, facetsShown = false;
  var more = document.createElement('button');
  more.type = 'button';
  more.className = 'search__more';
  more.textContent = 'Show more results';
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);

  function filters() {
    var f = {};
    selects.forEach(function (s) { if (s.value) f[s.name] = s.value; });
    return f;
  }

  // The domain, team, status and classification lists come from search/facets.js, loaded only when
  // the filters are used, so a first query stays small.
  function showFacets() {
    if (facetsShown) return Promise.resolve();
    facetsShown = true;
    return S.loadFacets().then(function (f) {
      selects.forEach(function (s) {
        var source = s.getAttribute('data-facet');
        if (!source) return;
        var wanted = s.getAttribute('data-wanted') || s.value;
        (f[source] || []).forEach(function (item) {
          var o = document.createElement('option');
          o.value = Array.isArray(item) ? item[0] : item;
          o.textContent = Array.isArray(item) ? item[1] : item;
          s.appendChild(o);
        });
        if (wanted) s.value = wanted;
      });
    });
  }
  var fieldset = document.querySelector('.search__filters');
  ['focusin', 'mouseover', 'touchstart'].forEach(function (e) { fieldset.addEventListener(e, showFacets, { passive: true }); });

  function updateURL() {
    var params = new URLSearchParams();
    if (input.value) params.set('q', input.value);
    var f = filters();
    Object.keys(f).forEach(function (k) { params.set(k, f[k]); });
    var query = params.toString();
    try { history.replaceState(null, '', query ? '?' + query : location.pathname); } catch (e) { /* file:// may refuse */ }
  }

  function run() {
    var mine = ++sequence, text = input.value;
    if (!text.trim()) { render(null, text); return; }
    S.query(text, filters(), limit).then(function (answer) {
      if (mine === sequence) render(answer, text);
    }, function (error) {
      if (mine === sequence) { clear(); status.textContent = 'Search is not available: ' + error.message; }
    });
  }

  function clear() {
    while (list.firstChild) list.removeChild(list.firstChild);
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    more.hidden = true;
  }

  function render(answer, text) {
    clear();
    if (!answer) { status.textContent = ''; return; }
    var n = answer.results.length;
    if (!n) {
      status.textContent = 'No results for “' + text.trim() + '”.';
      return;
    }
    var count = answer.exact ? answer.total : 'More than ' + answer.total;
    status.textContent = count + (answer.total === 1 && answer.exact ? ' result' : ' results') + ' for “' + text.trim() + '”'
      + (n < answer.total ? ', showing the first ' + n + '.' : '.');
    var matcher = makeMatcher(answer.terms, text);
    answer.results.forEach(function (r, i) {
      var a = document.createElement('a');
      a.href = '../' + r.url;
      a.id = 'search-option-' + i;
      a.className = 'search-result' + (r.deprecated ? ' search-result--deprecated' : '');
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.tabIndex = -1;
      var head = document.createElement('span');
      head.className = 'search-result__head';
      var kind = document.createElement('span');
      kind.className = 'search-result__kind';
      kind.textContent = KIND_LABEL[r.kind] || r.kind;
      var title = document.createElement('span');
      title.className = 'search-result__title';
      highlight(title, r.title, matcher);
      head.appendChild(kind);
      head.appendChild(title);
      if (r.deprecated) {
        var dep = document.createElement('span');
        dep.className = 'search-result__badge';
        dep.textContent = 'deprecated';
        head.appendChild(dep);
      }
      a.appendChild(head);
      var ctx = document.createElement('span');
      ctx.className = 'search-result__context';
      ctx.textContent = r.context;
      a.appendChild(ctx);
      if (r.snippet) {
        var snip = document.createElement('span');
        snip.className = 'search-result__snippet';
        highlight(snip, r.snippet, matcher);
        a.appendChild(snip);
      }
      list.appendChild(a);
    });
    input.setAttribute('aria-expanded', 'true');
    more.hidden = !(n < answer.total);
  }

  // A word is highlighted when one of its terms is a matched index term, or starts with the word
  // being typed.
  function makeMatcher(terms, text) {
    var set = new Set(terms), ws = S.words(text), last = /\s$/.test(text) || !ws.length ? null : ws[ws.length - 1].canonical;
    return function (w) {
      if (set.has(w.canonical) || w.terms.some(function (t) { return set.has(t); })) return true;
      return !!last && last.length > 1 && (w.canonical.startsWith(last) || w.terms.some(function (t) { return t.startsWith(last); }));
    };
  }
  function highlight(element, text, matcher) {
    var at = 0;
    S.words(text).forEach(function (w) {
      if (!matcher(w)) return;
      if (w.start > at) element.appendChild(document.createTextNode(text.slice(at, w.start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(w.start, w.end);
      element.appendChild(mark);
      at = w.end;
    });
    if (at < text.length) element.appendChild(document.createTextNode(text.slice(at)));
  }

  function options() { return list.querySelectorAll('[role="option"]'); }
  function setActive(i) {
    var opts = options();
    if (!opts.length) return;
    if (active >= 0 && opts[active]) opts[active].setAttribute('aria-selected', 'false');
    active = (i + opts.length) % opts.length;
    var o = opts[active];
    o.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', o.id);
    if (o.scrollIntoView) o.scrollIntoView({ block: 'nearest' });
  }

  input.addEventListener('input', function () { limit = PAGE; updateURL(); run(); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(active < 0 ? -1 : active - 1); }
    else if (e.key === 'Enter') {
      var opts = options();
      if (active >= 0 && opts[active]) { e.preventDefault(); location.href = opts[active].href; }
    } else if (e.key === 'Escape') {
      if (active >= 0) { e.preventDefault(); options()[active].setAttribute('aria-selected', 'false'); active = -1; input.removeAttribute('aria-activedescendant'); }
    }
  });
  selects.forEach(function (s) { s.addEventListener('change', function () { limit = PAGE; updateURL(); run(); }); });
  if (form) form.addEventListener('submit', function (e) { e.preventDefault(); updateURL(); run(); });
  more.addEventListener('click', function () { limit += PAGE; run(); });

  // Start from the URL: ?q=…&domain=…
  var params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  var needFacets = false;
  selects.forEach(function (s) {
    var v = params.get(s.name);
    if (!v) return;
    if (s.getAttribute('data-facet')) { s.setAttribute('data-wanted', v); needFacets = true; } else s.value = v;
  });
  (needFacets ? showFacets() : Promise.resolve()).then(run);
  if (!input.value) input.focus();
})();
