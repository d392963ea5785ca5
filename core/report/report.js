/* tamis report: draws the charts from the summary, lists and searches the
 * records, shows one document with its spans highlighted. No library: the
 * page must open from file:// with nothing else.
 *
 * Records come in JSON script elements of class tamis-records, in
 * blocks (data-first: the index of the first record in it); a block is
 * parsed the first time one of its records is needed. Span offsets are Unicode code points, so texts
 * are cut as arrays of code points (Array.from), never as UTF-16 units. */
'use strict';
(function () {
  const SVGNS = 'http://www.w3.org/2000/svg';
  const PAGE_SIZE = 50;
  const LABEL_COLOURS = { PER: '#6b4fbb', ORG: '#1f77b4', LOC: '#2ca02c', MISC: '#8c6d31' };
  const SENTIMENT_COLOURS = { positive: '#1a9850', negative: '#d73027', neutral: '#9aa3ab' };
  /* The layers highlighted in a text, in nesting order for equal spans. */
  const HIGHLIGHTS = [
    { layer: 'money', cls: () => 'hl hl-money' },
    { layer: 'entity', cls: (s) => 'hl hl-ent hl-ent-' + (LABEL_COLOURS[s.label] ? s.label : 'other') },
    { layer: 'relation_cue', cls: () => 'hl hl-rel' },
    { layer: 'sentiment_cue', cls: (s) => 'hl hl-cue ' + (cueNegative(s) ? 'hl-cue-neg' : 'hl-cue-pos') },
  ];

  function cueNegative (s) {
    if (typeof s.weight === 'number') return s.weight < 0;
    return s.label === 'negative';
  }

  function readJson (id, fallback) {
    const node = document.getElementById(id);
    if (!node) return fallback;
    try { return JSON.parse(node.textContent); } catch (e) { console.error('tamis report: bad ' + id + ': ' + e); return fallback; }
  }

  const meta = readJson('tamis-meta', { records: 0 }) || { records: 0 };
  const summary = readJson('tamis-summary', {}) || {};
  const chunkNodes = Array.from(document.querySelectorAll('script.tamis-records'));
  const chunkFirst = chunkNodes.map((node) => Number(node.dataset.first));
  const chunks = new Array(chunkNodes.length);
  const total = meta.records || 0;

  function record (i) {
    /* The last block whose first record is at most i. */
    let lo = 0, hi = chunkFirst.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunkFirst[mid] <= i) lo = mid; else hi = mid - 1;
    }
    if (chunks[lo] === undefined) {
      chunks[lo] = JSON.parse(chunkNodes[lo].textContent);
      /* The text is not needed once parsed. */
      chunkNodes[lo].textContent = '';
    }
    return chunks[lo][i - chunkFirst[lo]];
  }

  /* ---- small DOM helpers ---- */

  function h (tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const k in attrs || {}) {
      if (k === 'class') node.className = attrs[k];
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  }

  function s (tag, attrs, ...children) {
    const node = document.createElementNS(SVGNS, tag);
    for (const k in attrs || {}) node.setAttribute(k, attrs[k]);
    for (const c of children) if (c != null) node.append(c);
    return node;
  }

  function tip (node, text) {
    node.append(s('title', {}, text));
    return node;
  }

  function fmt (x, digits) {
    if (typeof x !== 'number' || !isFinite(x)) return String(x);
    return x.toLocaleString('en', { maximumFractionDigits: digits === undefined ? 3 : digits });
  }

  function money (x) {
    const a = Math.abs(x);
    if (a >= 1e12) return fmt(x / 1e12, 2) + ' T';
    if (a >= 1e9) return fmt(x / 1e9, 2) + ' G';
    if (a >= 1e6) return fmt(x / 1e6, 2) + ' M';
    if (a >= 1e3) return fmt(x / 1e3, 2) + ' k';
    return fmt(x, 2);
  }

  function empty (box, text) {
    box.replaceChildren(h('p', { class: 'empty' }, text));
  }

  /* ---- charts ---- */

  function truncate (text, n) {
    return text.length > n ? text.slice(0, n - 1) + '…' : text;
  }

  /* Horizontal bars: rows of {name, value, colour, title}. */
  function barChart (box, rows, opts) {
    if (rows.length === 0) return empty(box, opts.none);
    const W = opts.width || 560, left = opts.left || 160, right = 40, rowH = 16, top = 4;
    const max = Math.max(...rows.map((r) => r.value), 1);
    const H = top + rows.length * rowH + 4;
    const g = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': opts.label });
    rows.forEach((r, i) => {
      const y = top + i * rowH;
      const w = Math.max(1, (W - left - right) * r.value / max);
      const row = s('g', { class: opts.onclick ? 'clickable bar' : 'bar' });
      row.append(s('text', { x: left - 6, y: y + 12, 'text-anchor': 'end' }, truncate(r.name, 22)));
      row.append(tip(s('rect', { x: left, y: y + 3, width: w, height: rowH - 4, fill: r.colour, rx: 2 }), r.title));
      row.append(s('text', { x: left + w + 4, y: y + 12 }, fmt(r.value)));
      if (opts.onclick) row.addEventListener('click', () => opts.onclick(r));
      g.append(row);
    });
    box.replaceChildren(g);
  }

  function chartEntities () {
    const ents = (summary.entities || []).slice(0, 15);
    barChart(document.getElementById('chart-entities'), ents.map((e) => ({
      name: e.name,
      value: e.documents,
      colour: LABEL_COLOURS[e.label] || '#777',
      title: `${e.name} (${e.label}): ${e.documents} documents, ${e.mentions} mentions`,
    })), { label: 'Entities by documents', none: 'No entities.', onclick: (r) => searchFor(r.name) });
  }

  function chartLangs () {
    const by = (summary.documents || {}).by_lang || {};
    const rows = Object.keys(by).map((k) => ({ name: k, value: by[k], colour: '#4a7fb0', title: `${k}: ${by[k]} documents` }));
    rows.sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : 1));
    barChart(document.getElementById('chart-langs'), rows.slice(0, 20), { label: 'Languages', none: 'No languages.', width: 300, left: 50 });
  }

  function chartAmounts () {
    const box = document.getElementById('chart-amounts');
    const rows = (summary.amounts || []).filter((a) => (a.exact && a.exact.count) || (a.ranges && a.ranges.count)).slice(0, 25);
    if (rows.length === 0) return empty(box, 'No amounts.');
    const values = [];
    for (const a of rows) {
      if (a.exact && a.exact.count) values.push(a.exact.min, a.exact.max);
      if (a.ranges && a.ranges.count) values.push(a.ranges.min, a.ranges.max);
    }
    const pos = values.filter((v) => v > 0);
    let lo = Math.floor(Math.log10(Math.min(...pos, 1)));
    let hi = Math.ceil(Math.log10(Math.max(...pos, 10)));
    if (hi <= lo) hi = lo + 1;
    const W = 560, left = 170, right = 20, rowH = 18, top = 18;
    const H = top + rows.length * rowH + 6;
    const x = (v) => left + (W - left - right) * (Math.log10(Math.max(v, Math.pow(10, lo))) - lo) / (hi - lo);
    const g = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'Amounts per entity, log scale' });
    const step = Math.ceil((hi - lo) / 8);
    for (let d = lo; d <= hi; d++) {
      if ((d - lo) % step !== 0) continue;
      g.append(s('line', { class: 'axis', x1: x(Math.pow(10, d)), x2: x(Math.pow(10, d)), y1: top - 4, y2: H - 4 }));
      g.append(s('text', { x: x(Math.pow(10, d)), y: 11, 'text-anchor': 'middle' }, money(Math.pow(10, d))));
    }
    rows.forEach((a, i) => {
      const y = top + i * rowH + rowH / 2;
      const name = (a.entity === null || a.entity === undefined ? '(no entity)' : a.entity) + ' · ' + a.currency;
      const row = s('g', { class: a.entity ? 'clickable amount' : 'amount' });
      row.append(s('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, truncate(name, 28)));
      if (a.ranges && a.ranges.count) {
        const r = a.ranges;
        row.append(tip(s('line', { x1: x(r.min), x2: Math.max(x(r.max), x(r.min) + 2), y1: y + 3, y2: y + 3, stroke: '#c51b7d', 'stroke-width': 4, 'stroke-linecap': 'round' }),
          `${name}: ${r.count} range(s) from ${money(r.min)} to ${money(r.max)}`));
      }
      if (a.exact && a.exact.count) {
        const e = a.exact;
        const mean = e.sum / e.count;
        for (const v of e.count > 1 ? [e.min, mean, e.max] : [e.min]) {
          row.append(tip(s('circle', { cx: x(v), cy: y - 2, r: v === mean && e.count > 1 ? 3 : 4.5, fill: v === mean && e.count > 1 ? '#fff' : '#e6a100', stroke: '#8a6000' }),
            `${name}: ${e.count} exact amount(s), min ${money(e.min)}, mean ${money(mean)}, max ${money(e.max)}, sum ${money(e.sum)}`));
        }
      }
      if (a.entity) row.addEventListener('click', () => searchFor(a.entity));
      g.append(row);
    });
    box.replaceChildren(g);
  }

  function chartDocSentiment () {
    const box = document.getElementById('chart-doc-sentiment');
    const docs = summary.documents || {};
    const hist = docs.sentiment_histogram;
    if (!hist || !hist.counts || hist.counts.length === 0) return empty(box, 'No document sentiment.');
    const W = 320, H = 170, left = 30, right = 8, top = 8, bottom = 34;
    const n = hist.counts.length;
    const max = Math.max(...hist.counts, 1);
    const bw = (W - left - right) / n;
    const g = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'Document sentiment histogram' });
    hist.counts.forEach((c, i) => {
      const a = hist.bins[i], b = hist.bins[i + 1];
      const mid = (a + b) / 2;
      const hgt = (H - top - bottom) * c / max;
      const colour = mid < -0.05 ? SENTIMENT_COLOURS.negative : mid > 0.05 ? SENTIMENT_COLOURS.positive : SENTIMENT_COLOURS.neutral;
      g.append(tip(s('rect', { x: left + i * bw + 1, y: H - bottom - hgt, width: bw - 2, height: Math.max(hgt, c ? 1 : 0), fill: colour }),
        `${fmt(a, 2)} to ${fmt(b, 2)}: ${c} documents`));
    });
    g.append(s('line', { class: 'axis', x1: left, x2: W - right, y1: H - bottom, y2: H - bottom }));
    for (const v of [-1, 0, 1]) {
      g.append(s('text', { x: left + (W - left - right) * (v + 1) / 2, y: H - bottom + 13, 'text-anchor': 'middle' }, String(v)));
    }
    g.append(s('text', { x: left - 4, y: top + 8, 'text-anchor': 'end' }, String(max)));
    const by = docs.by_sentiment || {};
    g.append(s('text', { x: left, y: H - 4 }, Object.keys(by).map((k) => `${k} ${by[k]}`).join(' · ')));
    box.replaceChildren(g);
  }

  function chartEntitySentiment () {
    const box = document.getElementById('chart-entity-sentiment');
    const ents = (summary.entities || []).filter((e) => e.sentiment && e.sentiment.n > 0).slice(0, 15);
    if (ents.length === 0) return empty(box, 'No entity sentiment.');
    const W = 320, left = 110, right = 10, rowH = 17, top = 4;
    const H = top + ents.length * rowH + 16;
    const mid = left + (W - left - right) / 2, half = (W - left - right) / 2;
    const max = Math.max(...ents.map((e) => Math.abs(e.sentiment.mean)), 0.1);
    const g = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'Mean sentiment per entity' });
    ents.forEach((e, i) => {
      const y = top + i * rowH;
      const m = e.sentiment.mean;
      const w = Math.max(1, half * Math.abs(m) / max);
      const row = s('g', { class: 'clickable bar' });
      row.append(s('text', { x: left - 6, y: y + 12, 'text-anchor': 'end' }, truncate(e.name, 16)));
      row.append(tip(s('rect', { x: m < 0 ? mid - w : mid, y: y + 3, width: w, height: rowH - 5, fill: m < 0 ? SENTIMENT_COLOURS.negative : m > 0 ? SENTIMENT_COLOURS.positive : SENTIMENT_COLOURS.neutral }),
        `${e.name}: mean ${fmt(m)} over ${e.sentiment.n} documents (${e.sentiment.positive || 0} positive, ${e.sentiment.neutral || 0} neutral, ${e.sentiment.negative || 0} negative)`));
      row.addEventListener('click', () => searchFor(e.name));
      g.append(row);
    });
    g.append(s('line', { class: 'axis', x1: mid, x2: mid, y1: 0, y2: H - 14 }));
    g.append(s('text', { x: left, y: H - 2 }, fmt(-max, 2)));
    g.append(s('text', { x: W - right, y: H - 2, 'text-anchor': 'end' }, fmt(max, 2)));
    box.replaceChildren(g);
  }

  /* ---- the list of documents ---- */

  let results = null; /* indices matching the search, null for all */
  let page = 0;
  let current = -1;
  let searchIndex = null; /* per record: id, text and entity names, lower-cased */

  function count () {
    return results === null ? total : results.length;
  }

  function entityNames (rec) {
    const names = [];
    const seen = new Set();
    for (const sp of ((rec.layers || {}).entity || [])) {
      const name = sp.canonical || sp.text || '';
      if (name && !seen.has(name)) { seen.add(name); names.push(name); }
    }
    return names;
  }

  function sentimentTag (rec) {
    if (rec.sentiment === undefined) return '';
    const score = typeof rec.sentiment_score === 'number' ? ' ' + fmt(rec.sentiment_score, 2) : '';
    return h('span', { class: 'tag ' + rec.sentiment }, rec.sentiment + score);
  }

  function renderList () {
    const n = count();
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE));
    if (page >= pages) page = pages - 1;
    const body = document.querySelector('#doc-list tbody');
    const rows = [];
    for (let k = page * PAGE_SIZE; k < Math.min(n, (page + 1) * PAGE_SIZE); k++) {
      const i = results === null ? k : results[k];
      const rec = record(i);
      const names = rec.error ? [] : entityNames(rec);
      const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? ` +${names.length - 8}` : '');
      const tr = h('tr', { 'data-index': i, class: i === current ? 'current' : '' },
        h('td', { class: 'num' }, String(i + 1)),
        h('td', {}, rec.id),
        h('td', {}, rec.lang || ''),
        h('td', {}, rec.error ? h('span', { class: 'tag error' }, rec.error.code) : sentimentTag(rec)),
        h('td', {}, shown));
      rows.push(tr);
    }
    body.replaceChildren(...rows);
    document.getElementById('count').textContent =
      results === null ? `${total} documents` : `${n} of ${total} documents`;
    document.getElementById('page').textContent = `page ${page + 1} of ${pages}`;
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = page >= pages - 1;
  }

  function buildIndex () {
    if (searchIndex) return searchIndex;
    searchIndex = new Array(total);
    for (let i = 0; i < total; i++) {
      const rec = record(i);
      let text = rec.id + '\u0001' + (rec.text || '') + '\u0001' + (rec.error ? rec.error.code : '');
      for (const sp of ((rec.layers || {}).entity || [])) text += '\u0001' + (sp.canonical || '');
      searchIndex[i] = text.toLowerCase();
    }
    return searchIndex;
  }

  function search (query) {
    const q = query.trim().toLowerCase();
    if (q === '') {
      results = null;
    } else {
      const index = buildIndex();
      results = [];
      for (let i = 0; i < total; i++) if (index[i].includes(q)) results.push(i);
    }
    page = 0;
    renderList();
  }

  function searchFor (text) {
    const box = document.getElementById('search');
    box.value = text;
    search(text);
    document.getElementById('documents').scrollIntoView();
  }

  /* ---- one document ---- */

  /* The spans a record's layers give to highlight: {k, layer, start, end, span}. */
  function highlightSpans (rec, length) {
    const out = [];
    const layers = rec.layers || {};
    HIGHLIGHTS.forEach((hl, order) => {
      for (const sp of (layers[hl.layer] || [])) {
        if (!(sp.start < sp.end) || sp.end > length) continue;
        out.push({ k: out.length, order: order, layer: hl.layer, cls: hl.cls(sp), start: sp.start, end: sp.end, span: sp });
      }
    });
    return out;
  }

  /* Nests the highlight elements; a span crossing the end of the one it
   * starts in is cut in two pieces that share its data-k. */
  function renderText (cps, spans, box) {
    const queue = spans.slice().sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
    const stack = [{ end: cps.length, node: box }];
    let pos = 0;

    function closeUntil (x) {
      while (stack.length > 1 && stack[stack.length - 1].end <= x) {
        const top = stack.pop();
        if (pos < top.end) top.node.append(cps.slice(pos, top.end).join(''));
        pos = Math.max(pos, top.end);
      }
      if (pos < x) stack[stack.length - 1].node.append(cps.slice(pos, x).join(''));
      pos = Math.max(pos, x);
    }

    while (queue.length > 0) {
      const piece = queue.shift();
      closeUntil(piece.start);
      const top = stack[stack.length - 1];
      let end = piece.end;
      if (end > top.end) {
        /* Put the rest back where it sorts. */
        const rest = Object.assign({}, piece, { start: top.end });
        let j = 0;
        while (j < queue.length && (queue[j].start < rest.start || (queue[j].start === rest.start && queue[j].end >= rest.end))) j++;
        queue.splice(j, 0, rest);
        end = top.end;
      }
      if (end <= piece.start) continue;
      const node = h('span', { class: piece.cls, 'data-k': piece.k, 'data-layer': piece.layer });
      top.node.append(node);
      stack.push({ end: end, node: node });
    }
    closeUntil(cps.length);
  }

  function describeSpan (sp, layer) {
    const lines = [`<b>${escapeHtml(layer)}</b> ${escapeHtml(sp.label || '')}`];
    for (const k of Object.keys(sp)) {
      if (k === 'label') continue;
      lines.push(`${escapeHtml(k)}: ${escapeHtml(typeof sp[k] === 'object' ? JSON.stringify(sp[k]) : String(sp[k]))}`);
    }
    return lines.join('\n');
  }

  function escapeHtml (text) {
    return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  }

  function spanText (sp, cps) {
    if (cps) return cps.slice(sp.start, sp.end).join('');
    return typeof sp.text === 'string' ? sp.text : '';
  }

  function spansTable (rec, cps) {
    const rows = [];
    const layers = rec.layers || {};
    for (const name of Object.keys(layers)) {
      for (const sp of layers[name]) {
        const attrs = Object.keys(sp).filter((k) => !['start', 'end', 'label', 'text'].includes(k))
          .map((k) => `${k}=${typeof sp[k] === 'object' ? JSON.stringify(sp[k]) : sp[k]}`).join('; ');
        rows.push(h('tr', {}, h('td', {}, name), h('td', {}, String(sp.start)), h('td', {}, String(sp.end)),
          h('td', {}, sp.label || ''), h('td', {}, spanText(sp, cps)), h('td', {}, attrs)));
      }
    }
    if (rows.length === 0) return h('p', { class: 'muted' }, 'No spans.');
    return h('table', { class: 'spans' },
      h('thead', {}, h('tr', {}, ...['Layer', 'Start', 'End', 'Label', 'Text', 'Attributes'].map((t) => h('th', {}, t)))),
      h('tbody', {}, ...rows));
  }

  function relationsBox (rec, cps) {
    const rels = (rec.layers || {}).relation || [];
    if (rels.length === 0) return null;
    const moneys = (rec.layers || {}).money || [];
    const items = rels.map((r) => {
      const m = moneys.find((x) => x.start === r.start && x.end === r.end);
      const amount = m && typeof m.text === 'string' ? m.text : spanText(r, cps);
      return h('li', {}, h('b', {}, r.entity || '?'), ` ${r.label || ''} `, amount,
        r.cue ? h('span', { class: 'muted' }, ` (cue “${r.cue}”, ${r.rule || ''})`) : null);
    });
    return h('div', {}, h('h3', {}, 'Relations'), h('ul', {}, ...items));
  }

  function entitiesBox (rec) {
    const es = rec.entity_sentiment;
    if (!es || typeof es !== 'object' || Object.keys(es).length === 0) return null;
    const rows = Object.keys(es).map((name) => {
      const e = es[name] || {};
      return h('tr', {}, h('td', {}, name), h('td', {}, e.type || ''), h('td', {}, h('span', { class: 'tag ' + (e.label || '') }, e.label || '')),
        h('td', {}, fmt(e.score, 3)), h('td', {}, String(e.mentions === undefined ? '' : e.mentions)));
    });
    return h('div', {}, h('h3', {}, 'Entity sentiment'), h('table', { class: 'spans' },
      h('thead', {}, h('tr', {}, ...['Entity', 'Type', 'Sentiment', 'Score', 'Mentions'].map((t) => h('th', {}, t)))),
      h('tbody', {}, ...rows)));
  }

  let shownSpans = [];

  function openDocument (i) {
    const rec = record(i);
    current = i;
    document.getElementById('document').hidden = false;
    document.getElementById('doc-title').textContent = rec.id;
    const attrs = document.getElementById('doc-attrs');
    attrs.replaceChildren();
    if (rec.error) {
      attrs.append(h('span', { class: 'tag error' }, rec.error.code), ' ' + (rec.error.message || ''));
    } else {
      if (rec.lang) attrs.append(h('span', { class: 'tag' }, rec.lang + (typeof rec.lang_score === 'number' ? ' ' + fmt(rec.lang_score, 3) : '')));
      const st = sentimentTag(rec);
      if (st) attrs.append(st);
      /* Other document attributes, those with single values. */
      const known = ['id', 'text', 'layers', 'lang', 'lang_score', 'sentiment', 'sentiment_score'];
      for (const k of Object.keys(rec)) {
        if (known.includes(k) || rec[k] === null || typeof rec[k] === 'object') continue;
        attrs.append(h('span', { class: 'tag' }, `${k}: ${typeof rec[k] === 'number' ? fmt(rec[k]) : rec[k]}`));
      }
    }
    const note = document.getElementById('doc-note');
    const textBox = document.getElementById('doc-text');
    const cps = typeof rec.text === 'string' ? Array.from(rec.text) : null;
    textBox.replaceChildren();
    shownSpans = [];
    if (cps) {
      note.hidden = true;
      shownSpans = highlightSpans(rec, cps.length);
      renderText(cps, shownSpans, textBox);
    } else if (!rec.error) {
      note.hidden = false;
      note.textContent = 'These records carry no text (they were written without output: {text: true}), ' +
        'so the spans are listed with their offsets instead of highlighted. ' +
        'tamis run --format html keeps the text.';
    } else {
      note.hidden = true;
    }
    document.getElementById('doc-relations').replaceChildren(relationsBox(rec, cps) || '');
    document.getElementById('doc-entities').replaceChildren(entitiesBox(rec) || '');
    document.getElementById('doc-spans').replaceChildren(spansTable(rec, cps));
    document.getElementById('doc-spans-box').open = !cps;
    for (const tr of document.querySelectorAll('#doc-list tbody tr')) {
      tr.classList.toggle('current', Number(tr.dataset.index) === i);
    }
    return { record: rec, cps: cps, spans: shownSpans };
  }

  /* ---- the tooltip ---- */

  function setupTooltip () {
    const box = document.getElementById('doc-text');
    const tipBox = document.getElementById('tooltip');
    box.addEventListener('mousemove', (ev) => {
      let node = ev.target instanceof Element ? ev.target.closest('.hl') : null;
      if (!node) { tipBox.hidden = true; return; }
      const parts = [];
      for (; node && node !== box; node = node.parentElement) {
        if (!node.classList.contains('hl')) continue;
        const item = shownSpans[Number(node.dataset.k)];
        if (item) parts.push(describeSpan(item.span, item.layer));
      }
      tipBox.innerHTML = parts.join('\n\n');
      tipBox.hidden = false;
      const x = Math.min(ev.clientX + 12, window.innerWidth - tipBox.offsetWidth - 8);
      const y = ev.clientY + 16 + tipBox.offsetHeight > window.innerHeight ? ev.clientY - tipBox.offsetHeight - 8 : ev.clientY + 16;
      tipBox.style.left = Math.max(0, x) + 'px';
      tipBox.style.top = Math.max(0, y) + 'px';
    });
    box.addEventListener('mouseleave', () => { tipBox.hidden = true; });
  }

  /* ---- the page ---- */

  function header () {
    const p = summary.pipeline || {};
    const d = summary.documents || {};
    document.getElementById('pipeline-name').textContent = p.name ? '— ' + p.name : '';
    const parts = [`${total} records`];
    if (typeof d.total === 'number') parts.push(`${d.total} documents summarised`);
    if (d.failed) parts.push(`${d.failed} failed`);
    if (p.stages && p.stages.length) parts.push('stages: ' + p.stages.join(', '));
    document.getElementById('totals').textContent = parts.join(' · ');
  }

  function setup () {
    header();
    for (const chart of [chartEntities, chartAmounts, chartDocSentiment, chartEntitySentiment, chartLangs]) {
      try { chart(); } catch (e) { console.error('tamis report: chart: ' + e); }
    }
    let timer = 0;
    /* The first search parses every block: say so before the page stalls. */
    const searchSoon = (value, delay) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (searchIndex === null && total > 5000 && value.trim() !== '') {
          document.getElementById('count').textContent = `indexing ${total} documents…`;
          timer = setTimeout(() => search(value), 30);
        } else {
          search(value);
        }
      }, delay);
    };
    document.getElementById('search').addEventListener('input', (ev) => {
      searchSoon(ev.target.value, total > 20000 ? 250 : 60);
    });
    document.getElementById('search').addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') searchSoon(ev.target.value, 0);
    });
    document.getElementById('prev').addEventListener('click', () => { page--; renderList(); });
    document.getElementById('next').addEventListener('click', () => { page++; renderList(); });
    document.querySelector('#doc-list tbody').addEventListener('click', (ev) => {
      const tr = ev.target.closest('tr');
      if (tr) {
        openDocument(Number(tr.dataset.index));
        document.getElementById('document').scrollIntoView();
      }
    });
    setupTooltip();
    renderList();
    if (total > 0) openDocument(0);
  }

  /* ---- #selftest: the checks tests/test-report.sh reads ---- */

  function selftest () {
    const checks = [];
    const check = (name, ok, detail) => checks.push({ name: name, ok: !!ok, detail: detail || '' });

    /* Every highlighted span shows exactly the text its record implies. */
    let nSpans = 0, nBare = 0;
    const bad = [];
    const limit = Math.min(total, 500);
    for (let i = 0; i < limit; i++) {
      const shown = openDocument(i);
      if (shown.record.error) continue;
      if (!shown.cps) {
        /* No text: the note and every span in the table instead. */
        nBare++;
        const want = Object.values(shown.record.layers || {}).reduce((n, l) => n + l.length, 0);
        const rows = document.querySelectorAll('#doc-spans tbody tr').length;
        if ((rows !== want || document.getElementById('doc-note').hidden) && bad.length < 10) {
          bad.push(`${shown.record.id}: ${rows} rows for ${want} spans`);
        }
        continue;
      }
      const texts = new Map();
      for (const node of document.querySelectorAll('#doc-text .hl')) {
        const k = Number(node.dataset.k);
        texts.set(k, (texts.get(k) || '') + node.textContent);
      }
      for (const item of shown.spans) {
        nSpans++;
        const want = item.layer === 'money' && typeof item.span.text === 'string'
          ? item.span.text : shown.cps.slice(item.start, item.end).join('');
        const got = texts.get(item.k);
        if (got !== want && bad.length < 10) bad.push(`${shown.record.id} ${item.layer} ${item.start}-${item.end}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      }
      if (document.getElementById('doc-text').textContent !== shown.cps.join('') && bad.length < 10) bad.push(`${shown.record.id}: text changed`);
    }
    check('highlighted spans match the records', bad.length === 0 && nSpans + nBare > 0,
      `${nSpans} spans highlighted, ${nBare} documents without text, in ${limit} records; ${bad.join(' | ')}`);

    for (const id of ['chart-entities', 'chart-amounts', 'chart-doc-sentiment', 'chart-entity-sentiment', 'chart-langs']) {
      const marks = document.querySelectorAll(`#${id} svg rect, #${id} svg circle, #${id} svg line`).length;
      check('chart ' + id, marks > 0, `${marks} marks`);
    }

    const ent = (summary.entities || [])[0];
    if (ent) {
      search(ent.name);
      const n = count();
      const all = results.every((i) => buildIndex()[i].includes(ent.name.toLowerCase()));
      const rows = document.querySelectorAll('#doc-list tbody tr').length;
      check('search for an entity', n >= Math.min(ent.documents, total) && n > 0 && all && rows === Math.min(n, PAGE_SIZE),
        `"${ent.name}": ${n} documents, ${ent.documents} in the summary, ${rows} rows`);
    } else {
      check('search for an entity', false, 'the summary has no entity');
    }
    search('\u0002no such text\u0002');
    check('search with no match', count() === 0, `${count()} documents`);
    search('');
    check('empty search lists all', count() === total && total > 0, `${count()} of ${total}`);

    const resources = performance.getEntriesByType('resource').length;
    check('no network', resources === 0, `${resources} resources loaded`);
    check('no errors', window.tamisErrors.length === 0, window.tamisErrors.join(' | '));

    if (total > 0) openDocument(0);
    const ok = checks.every((c) => c.ok);
    const out = document.getElementById('selftest-result');
    out.textContent = JSON.stringify({ ok: ok, checks: checks }, null, 1);
    out.hidden = false;
    document.body.dataset.selftest = ok ? 'pass' : 'fail';
  }

  /* For tests and measures: opening a document, searching. */
  window.tamisReport = { open: openDocument, search: search, count: count, record: record, total: total };

  setup();
  if (location.hash === '#selftest') {
    setTimeout(() => {
      try { selftest(); } catch (e) {
        tamisErrors.push('selftest: ' + e);
        document.getElementById('selftest-result').textContent = JSON.stringify({ ok: false, checks: [{ name: 'selftest', ok: false, detail: String(e && e.stack || e) }] });
        document.body.dataset.selftest = 'fail';
      }
    }, 0);
  }
})();
