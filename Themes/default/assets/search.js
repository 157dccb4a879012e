// meshport search: the query engine over the index in search/ (built by the SearchIndex module).
// Index files are scripts that call meshSearch.m/t/p/d/f, so they load from file:// too (no fetch).
// The tokeniser mirrors Sources/SearchIndex/Tokenizer.swift: change both together.
// The page's user interface is in search-ui.js, which calls meshSearch.query().
(function () {
  'use strict';
  var here = document.currentScript ? document.currentScript.src : location.href;
  var root = new URL('../', here).href;
  var manifest = null, facets = null;
  var shards = {}, postingFiles = {}, records = {}, loading = {};
  var ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var CODE = {};
  for (var a = 0; a < 64; a++) CODE[ALPHA.charAt(a)] = a;
  var MAX_PREFIX_SHARDS = 3, PREFIX_PENALTY = 2, TYPO_PENALTY = 6, PHRASE_BONUS = 8;

  var api = window.meshSearch = {
    m: function (m) {
      // Cuts are front-coded: a character for the length shared with the previous cut, then the rest;
      // one space-separated string unless a cut has a space.
      var prev = '';
      if (typeof m.cuts === 'string') m.cuts = m.cuts.split(' ');
      m.cuts = m.cuts.map(function (c) { prev = prev.slice(0, CODE[c.charAt(0)]) + c.slice(1); return prev; });
      manifest = m;
    },
    t: function (n, data) { shards[n] = data; },
    p: function (n, lists) { postingFiles[n] = lists; },
    d: function (n, list) { records[n] = list; },
    f: function (f) { facets = f; decodeGroups(f); },
    root: root
  };

  // One script per path; resolves when it has run (and so registered its data).
  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = root + path;
        s.async = true;
        s.onload = function () { resolve(); };
        s.onerror = function () { delete loading[path]; reject(new Error('cannot load ' + path)); };
        document.head.appendChild(s);
      });
    }
    return loading[path];
  }
  api.ready = function () { return load('search/manifest.js'); };
  api.loadFacets = function () { return load('search/facets.js').then(function () { return facets; }); };

  // ---- tokeniser (see Tokenizer.swift) ----
  var RE_MARK = /[\p{Mn}\p{Mc}\p{Me}]/u, RE_UPPER = /\p{Uppercase}/u, RE_ALPHA = /\p{Alphabetic}/u,
      RE_LOWER = /\p{Lowercase}/u, RE_NUM = /\p{N}/u;
  function classify(ch) {
    var c = ch.codePointAt(0);
    if (c >= 97 && c <= 122) return 'l';
    if (c >= 65 && c <= 90) return 'u';
    if (c >= 48 && c <= 57) return 'd';
    if (c === 95 || c === 45) return 'j';
    if (c === 46 || c === 47) return 's';
    if (c < 128) return 'o';
    if (RE_MARK.test(ch)) return 'x';
    if (RE_UPPER.test(ch)) return 'u';
    if (RE_ALPHA.test(ch)) return RE_LOWER.test(ch) ? 'l' : 'x';
    if (RE_NUM.test(ch)) return 'd';
    return 'o';
  }
  function fold(ch) {
    var c = ch.codePointAt(0);
    if (c < 128) return ch.toLowerCase();
    return ch.normalize('NFD').replace(/[\p{Mn}\p{Mc}\p{Me}]/gu, '').toLowerCase();
  }
  function makeWord(chars, start, end) {
    var segments = [[]], part = '', prev = 'o';
    function endPart() { if (part) segments[segments.length - 1].push(part); part = ''; }
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i][0], k = chars[i][1];
      if (k === 'j') endPart();
      else if (k === 's') { endPart(); if (segments[segments.length - 1].length) segments.push([]); }
      else {
        if (k === 'u' && part && (prev === 'l' || (prev === 'u' && i + 1 < chars.length && chars[i + 1][1] === 'l'))) endPart();
        part += fold(ch);
      }
      prev = k;
    }
    endPart();
    if (!segments[segments.length - 1].length) segments.pop();
    if (!segments.length) return null;
    var forms = segments.map(function (s) { return s.join('_'); });
    var canonical = forms.join('.'), terms = [], parts = 0;
    segments.forEach(function (s, n) {
      s.forEach(function (p) { if ([...p].length > 1) terms.push(p); });
      if (s.length > 1 && segments.length > 1) terms.push(forms[n]);
      parts += s.length;
    });
    if (parts > 1) terms.push(canonical);
    return { canonical: canonical, terms: terms, start: start, end: end };
  }
  // Words of a text with their UTF-16 start and end, for matching and highlighting.
  function words(text) {
    var out = [], chars = [], start = 0, pos = 0;
    function flush() { if (chars.length) { var w = makeWord(chars, start, pos); if (w) out.push(w); } chars = []; }
    for (var ch of text) {
      var k = classify(ch);
      if (k === 'o') flush(); else { if (!chars.length) start = pos; chars.push([ch, k]); }
      pos += ch.length;
    }
    flush();
    return out;
  }
  api.words = words;

  // ---- decoding ----
  // Postings: gap (varint, base 32), score (6 bits: +32 deprecated), facet (6 bits: kind * 8 + class).
  function decodePostings(s) {
    var out = [], doc = -1, i = 0, n = s.length;
    while (i < n) {
      var v = 0, c;
      while ((c = CODE[s.charAt(i++)]) >= 32) v = (v << 5) | (c - 32);
      doc += ((v << 5) | c) + 1;
      var score = CODE[s.charAt(i++)], facet = CODE[s.charAt(i++)];
      out.push({ doc: doc, score: score & 31, dep: score >> 5, facet: facet });
    }
    return out;
  }
  function decodeVarints(s) {
    var out = [], v = 0;
    for (var i = 0; i < s.length; i++) {
      var c = CODE[s.charAt(i)];
      if (c >= 32) v = (v << 5) | (c - 32); else { out.push((v << 5) | c); v = 0; }
    }
    return out;
  }
  function decodeGroups(f) {
    var v = decodeVarints(f.groups), starts = [], vals = [], at = 0;
    for (var i = 0; i + 3 < v.length; i += 4) { at += v[i]; starts.push(at); vals.push([v[i + 1], v[i + 2], v[i + 3]]); }
    f.starts = starts; f.values = vals;
  }
  function groupOf(doc) {
    var lo = 0, hi = facets.starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (facets.starts[mid] <= doc) lo = mid; else hi = mid - 1; }
    return facets.values[lo];
  }
  function expandURL(u) {
    if (u.charAt(0) === '~') u = 'products/' + u.slice(1);
    return u.replace(/\/(#|$)/, '/index.html$1');
  }

  // ---- shards and terms ----
  function shardOf(term) {
    var cuts = manifest.cuts, lo = 0, hi = cuts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (cuts[mid] <= term) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function loadShards(from, to) {
    var jobs = [];
    for (var n = from; n <= to; n++) jobs.push(load('search/t/' + n + '.js'));
    return Promise.all(jobs);
  }
  // Entries for one query term: exact, prefix (last term while typing), or one typo away.
  function resolve(term, prefix) {
    var first = shardOf(term), last = prefix ? shardOf(term + '\uffff') : first;
    if (last - first + 1 > MAX_PREFIX_SHARDS) last = first;
    // A whole word typed: its own shard is enough (longer compounds in the next shards wait for more
    // letters), so a one-word query loads one shard.
    return loadShards(first, first).then(function () {
      if (last > first && shards[first].w[term]) last = first;
      return loadShards(first, last);
    }).then(function () {
      var found = [];
      for (var n = first; n <= last; n++) {
        var data = shards[n].w;
        for (var t in data) {
          if (t === term) found.push(hit(t, n, 0));
          else if (prefix && term.length > 1 && t.startsWith(term)) found.push(hit(t, n, PREFIX_PENALTY));
        }
      }
      if (found.length || [...term].length < 5) return found;
      // One typo: look where the first two letters lead (a typo there is not found).
      var from = shardOf(term.slice(0, 2)), to = shardOf(term.slice(0, 2) + '\uffff');
      if (to - from + 1 > MAX_PREFIX_SHARDS) { from = Math.max(from, first - 1); to = Math.min(to, first + 1); }
      return loadShards(from, to).then(function () {
        for (var n = from; n <= to; n++) {
          for (var t in shards[n].w) if (oneEdit(term, t, prefix)) found.push(hit(t, n, TYPO_PENALTY));
        }
        return found;
      });
    });
  }
  // A term found in shard n; its entry is [count, "top postings", [snippet or 0], [file, slot]?].
  function hit(term, n, penalty) {
    var entry = shards[n].w[term];
    entry._records = shards[n].r;
    return { term: term, entry: entry, penalty: penalty };
  }
  // Damerau-Levenshtein distance at most one; for a prefix, against the term's beginning.
  function oneEdit(q, t, prefix) {
    if (prefix) {
      for (var d = -1; d <= 1; d++) if (t.length >= q.length + d && within1(q, t.slice(0, q.length + d))) return true;
      return false;
    }
    return within1(q, t);
  }
  function within1(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  function topOf(entry) {
    if (!entry._top) {
      var list = decodePostings(entry[1]);
      list.forEach(function (p, i) {
        var r = entry._records[p.doc];
        p.rec = entry[2][i] ? [r[0], r[1], r[2], entry[2][i]] : r;
      });
      entry._top = list;
    }
    return entry._top;
  }
  function fullOf(entry) {
    if (entry[0] <= manifest.k) return Promise.resolve(topOf(entry));
    if (entry._full) return Promise.resolve(entry._full);
    // [file, slot, pieces]: a long list is split over consecutive files, one piece each.
    var ref = entry[3], jobs = [];
    for (var f = ref[0]; f < ref[0] + ref[2]; f++) jobs.push(load('search/p/' + f + '.js'));
    return Promise.all(jobs).then(function () {
      var text = '';
      for (var f = ref[0]; f < ref[0] + ref[2]; f++) text += postingFiles[f][f === ref[0] ? ref[1] : 0];
      entry._full = decodePostings(text);
      return entry._full;
    });
  }

  // ---- the query ----
  // query(text, filters, limit) -> Promise of {results, total, exact, terms}. Results are
  // {doc, kind, title, context, url, snippet, score, deprecated}, best first.
  api.query = function (text, filters, limit) {
    return api.ready().then(function () {
      var ws = words(text), trailing = /[\s]$/.test(text);
      var qterms = ws.map(function (w) { return w.canonical; }).filter(function (t) { return [...t].length > 1; });
      var stop = new Set(manifest.stop);
      var kept = qterms.filter(function (t, i) { return !stop.has(t) || (i === qterms.length - 1 && !trailing); });
      if (kept.some(function (t) { return !stop.has(t); })) kept = kept.filter(function (t) { return !stop.has(t); });
      if (!kept.length) return { results: [], total: 0, exact: true, terms: [] };
      var lastIsPrefix = !trailing && ws.length && ws[ws.length - 1].canonical === kept[kept.length - 1];
      var jobs = kept.map(function (t, i) { return resolve(t, lastIsPrefix && i === kept.length - 1); });
      // The words together ("order events" -> order_events): a document named so ranks first.
      if (ws.length > 1) jobs.push(resolve(ws.map(function (w) { return w.canonical; }).join('_'), lastIsPrefix));
      return Promise.all(jobs).then(function (resolved) {
        var phrase = ws.length > 1 ? resolved.pop() : [];
        return rank(resolved, phrase, filters || {}, limit || 20);
      });
    });
  };

  function rank(resolved, phrase, filters, limit) {
    var matched = [];
    resolved.forEach(function (list) { list.forEach(function (f) { matched.push(f.term); }); });
    phrase.forEach(function (f) { matched.push(f.term); });
    if (resolved.some(function (list) { return !list.length; })) return Promise.resolve({ results: [], total: 0, exact: true, terms: matched });
    var needFacets = filters.domain || filters.team || filters.status;
    var fast = resolved.length === 1 && !hasFilters(filters) && limit <= manifest.k;
    var recs = {};
    function best(lists, useFull) {
      return Promise.all(lists.map(function (f) {
        return (useFull ? fullOf(f.entry) : Promise.resolve(topOf(f.entry))).then(function (ps) { return { f: f, ps: ps }; });
      })).then(function (got) {
        var m = new Map();
        got.forEach(function (g) {
          topOf(g.f.entry).forEach(function (p) { if (!(p.doc in recs) || g.f.penalty === 0) recs[p.doc] = p.rec; });
          g.ps.forEach(function (p) {
            var s = p.score - g.f.penalty, old = m.get(p.doc);
            if (!old || old.score < s) m.set(p.doc, { score: s, dep: p.dep, facet: p.facet });
          });
        });
        return m;
      });
    }
    var jobs = resolved.map(function (list) { return best(list, !fast); });
    jobs.push(best(phrase, false));
    if (needFacets) jobs.push(api.loadFacets());
    return Promise.all(jobs).then(function (maps) {
      if (needFacets) maps.pop();
      var phraseHits = maps.pop();
      maps.sort(function (x, y) { return x.size - y.size; });
      var hits = [];
      maps[0].forEach(function (h, doc) {
        var total = h.score;
        for (var i = 1; i < maps.length; i++) { var o = maps[i].get(doc); if (!o) return; total += o.score; }
        if (!passes(doc, h.facet, filters)) return;
        var ph = phraseHits.get(doc);
        if (ph) total += ph.score + PHRASE_BONUS;
        hits.push({ doc: doc, score: total, dep: h.dep, facet: h.facet });
      });
      hits.sort(function (x, y) { return y.score - x.score || x.dep - y.dep || x.doc - y.doc; });
      var exact = !fast || resolved[0].every(function (f) { return f.entry[0] <= manifest.k; }) || resolved[0].length === 1;
      var total = fast && resolved[0].length === 1 ? resolved[0][0].entry[0] : hits.length;
      var top = hits.slice(0, limit);
      return withRecords(top, recs).then(function (results) {
        return { results: results, total: total, exact: exact, terms: matched };
      });
    });
  }
  function hasFilters(f) { return !!(f.kind || f.domain || f.team || f.status || f.classification); }
  function passes(doc, facet, f) {
    if (f.kind && manifest.kinds[facet >> 3] !== f.kind) return false;
    if (f.classification && manifest.classes[(facet & 7) - 1] !== f.classification) return false;
    if (f.domain || f.team || f.status) {
      var g = groupOf(doc);
      if (f.domain && (!g[0] || facets.domains[g[0] - 1][0] !== f.domain)) return false;
      if (f.team && (!g[1] || facets.teams[g[1] - 1][0] !== f.team)) return false;
      if (f.status && (!g[2] || facets.statuses[g[2] - 1] !== f.status)) return false;
    }
    return true;
  }
  // Records come inline with the top postings; others from the document chunks.
  function withRecords(hits, recs) {
    var chunks = {};
    hits.forEach(function (h) { if (!recs[h.doc]) chunks[Math.floor(h.doc / manifest.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (n) { return load('search/d/' + n + '.js'); })).then(function () {
      return hits.map(function (h) {
        var r = recs[h.doc] || records[Math.floor(h.doc / manifest.chunk)][h.doc % manifest.chunk];
        return { doc: h.doc, kind: manifest.kinds[h.facet >> 3], title: r[0], context: r[1], url: expandURL(r[2]),
                 snippet: r[3], score: h.score, deprecated: !!h.dep };
      });
    });
  }
})();
