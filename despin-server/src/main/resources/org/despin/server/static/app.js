// despin page: sends the text to the API and shows the report. User text is only ever put
// into the page as text nodes (never as HTML), and nothing is loaded from another origin.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const textArea = $('text');
  const status = $('status');
  const checkButton = $('check');

  /** The last answer: the report, its JSON as received, and the text its offsets refer to. */
  let last = null;
  let reportCss = '';

  fetch('report.css').then((r) => (r.ok ? r.text() : '')).then((css) => { reportCss = css; }).catch(() => {});

  // ---- talking to the API

  function setStatus(message, isError) {
    status.textContent = message;
    status.classList.toggle('error', Boolean(isError));
  }

  async function send(body, headers, input) {
    checkButton.disabled = true;
    setStatus('Checking…');
    try {
      const response = await fetch('api/v1/check', { method: 'POST', headers, body });
      const json = await response.text();
      let data;
      try {
        data = JSON.parse(json);
      } catch (e) {
        throw new Error('The server answered ' + response.status + ' with something that is not JSON.');
      }
      if (!response.ok) {
        throw new Error(data && data.error ? data.error.message : 'The server answered ' + response.status + '.');
      }
      const text = typeof data.input === 'string' ? data.input : input;
      if (typeof data.input === 'string') {
        textArea.value = data.input; // an upload: show what was extracted, the offsets refer to it
      }
      last = { report: data, json, input: text };
      render(data, text);
      const n = data.findings.length;
      setStatus('Checked ' + data.tokens + ' words: ' + n + (n === 1 ? ' span looks' : ' spans look') + ' spun.');
    } catch (e) {
      setStatus(e.message || 'The check failed.', true);
    } finally {
      checkButton.disabled = false;
    }
  }

  function checkText() {
    const text = textArea.value;
    if (!text.trim()) {
      setStatus('Paste a text or upload a file first.', true);
      textArea.focus();
      return;
    }
    send(JSON.stringify({ text }), { 'Content-Type': 'application/json', Accept: 'application/json' }, text);
  }

  function uploadFile(file) {
    $('file-name').textContent = file.name;
    const form = new FormData();
    form.append('file', file, file.name);
    send(form, { Accept: 'application/json' }, null);
  }

  // ---- rendering

  function strength(confidence) {
    return confidence >= 0.9 ? 3 : confidence >= 0.7 ? 2 : 1;
  }

  function percent(confidence) {
    const p = Math.round(confidence * 100);
    return (p < 1 && confidence > 0 ? '<1' : String(p)) + ' %';
  }

  /** The input cut into plain stretches and findings; findings that do not fit the text are dropped. */
  function segments(input, findings) {
    const out = [];
    let at = 0;
    const sorted = findings.slice().sort((a, b) => a.start - b.start);
    for (const f of sorted) {
      if (f.start < at || f.end > input.length || f.end <= f.start || input.substring(f.start, f.end) !== f.text) {
        continue;
      }
      if (f.start > at) out.push({ text: input.substring(at, f.start) });
      out.push({ text: f.text, finding: f });
      at = f.end;
    }
    if (at < input.length) out.push({ text: input.substring(at) });
    return out;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function describe(f) {
    const tip = el('span', 'tip');
    tip.setAttribute('role', 'tooltip');
    tip.append('Likely original: ');
    tip.append(el('span', 'original', f.suggestion));
    tip.append(' (' + percent(f.confidence) + ' confidence)');
    if (f.alternatives && f.alternatives.length) {
      tip.append(el('span', 'alts', 'Also possible: '
          + f.alternatives.map((a) => a.text + ' (' + percent(a.confidence) + ')').join(', ')));
    }
    if (f.evidence) tip.append(el('span', 'evidence', f.evidence));
    return tip;
  }

  function renderMarked(parts) {
    const box = $('marked');
    box.replaceChildren();
    parts.forEach((part, i) => {
      if (!part.finding) {
        box.append(part.text);
        return;
      }
      const f = part.finding;
      const s = strength(f.confidence);
      const wrap = el('span', 'finding');
      const mark = el('mark', 'spun strength-' + s, part.text);
      mark.tabIndex = 0;
      mark.dataset.suggestion = f.suggestion;
      mark.dataset.confidence = String(f.confidence);
      const tip = describe(f);
      tip.id = 'tip-' + i;
      mark.setAttribute('aria-describedby', tip.id);
      const badge = el('span', 'badge strength-' + s, percent(f.confidence));
      badge.setAttribute('aria-hidden', 'true');
      wrap.append(mark, badge, tip);
      box.append(wrap);
    });
  }

  function renderRestored(parts, restored) {
    const box = $('restored');
    box.replaceChildren();
    const rebuilt = parts.map((p) => (p.finding ? p.finding.suggestion : p.text)).join('');
    if (rebuilt !== restored) {
      box.textContent = restored; // the server's restored text is the truth; just no marks then
      return;
    }
    for (const p of parts) {
      if (p.finding) {
        const ins = el('ins', null, p.finding.suggestion);
        ins.title = 'was: ' + p.text;
        box.append(ins);
      } else {
        box.append(p.text);
      }
    }
  }

  function renderDiff(parts, restored) {
    const left = $('diff-input');
    const right = $('diff-restored');
    left.replaceChildren();
    right.replaceChildren();
    for (const p of parts) {
      if (p.finding) {
        left.append(el('del', null, p.text));
        right.append(el('ins', null, p.finding.suggestion));
      } else {
        left.append(p.text);
        right.append(p.text);
      }
    }
    if (right.textContent !== restored) right.textContent = restored;
  }

  function renderFindings(findings) {
    const body = $('findings-body');
    body.replaceChildren();
    if (!findings.length) {
      const row = el('tr');
      const cell = el('td', null, 'Nothing looks spun.');
      cell.colSpan = 4;
      row.append(cell);
      body.append(row);
      return;
    }
    for (const f of findings) {
      const row = el('tr');
      const cells = [
        ['Spun', f.text, null], ['Likely original', f.suggestion, null],
        ['Confidence', percent(f.confidence), 'num'], ['Evidence', f.evidence || '', null]];
      for (const [label, text, cls] of cells) {
        const td = el('td', cls, text);
        td.dataset.label = label;
        row.append(td);
      }
      body.append(row);
    }
  }

  const VERDICTS = { spun: 'Spun', clean: 'Clean', uncertain: 'Uncertain' };

  function render(report, input) {
    const verdict = $('verdict');
    verdict.className = 'verdict verdict-' + report.verdict;
    verdict.textContent = 'Verdict: ' + (VERDICTS[report.verdict] || report.verdict);
    $('score-value').textContent = percent(report.spinScore);
    $('score-meter').value = report.spinScore;
    $('score-meter').textContent = percent(report.spinScore);
    $('counts').textContent = report.findings.length + ' of ' + report.tokens + ' words flagged';
    const parts = segments(input, report.findings);
    renderMarked(parts);
    renderRestored(parts, report.restored);
    renderDiff(parts, report.restored);
    renderFindings(report.findings);
    $('sources').hidden = true; // a new text: the last lookup was for the old one
    $('sources-list').replaceChildren();
    $('results').hidden = false;
    showView('marked');
  }

  function showView(name) {
    for (const button of document.querySelectorAll('button.view')) {
      button.setAttribute('aria-pressed', String(button.dataset.view === name));
    }
    for (const v of ['marked', 'restored', 'diff']) {
      $('view-' + v).hidden = v !== name;
    }
    $('legend').hidden = name !== 'marked';
  }

  /** Keeps a tooltip inside the window (phones): shift it left by what sticks out. */
  function placeTip(finding) {
    const tip = finding.querySelector('.tip');
    if (!tip) return;
    tip.style.left = '0px';
    const rect = tip.getBoundingClientRect();
    const overflow = rect.right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) tip.style.left = -Math.min(overflow, rect.left - 8) + 'px';
  }

  // ---- sources (only when the server was started with a source index)

  fetch('api/v1/health').then((r) => (r.ok ? r.json() : {})).then((health) => {
    $('find-source').hidden = health.source !== 'on';
  }).catch(() => {});

  async function findSources() {
    if (!last) return;
    const button = $('find-source');
    const list = $('sources-list');
    const note = $('sources-status');
    button.disabled = true;
    $('sources').hidden = false;
    list.replaceChildren();
    note.classList.remove('error');
    note.textContent = 'Looking for the source…';
    try {
      const response = await fetch('api/v1/source?top=3&passages=text', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ text: last.input }),
      });
      const data = await response.json().catch(() => null);
      if (!response.ok || !data) {
        throw new Error(data && data.error ? data.error.message : 'The server answered ' + response.status + '.');
      }
      renderSources(data.sources, last.input);
      note.textContent = data.sources.length === 0
        ? 'No indexed document shares this text\'s fingerprints.'
        : 'Best first. Score: share of this text\'s spin-resistant fingerprints found in the document.';
    } catch (e) {
      note.textContent = e.message || 'The source lookup failed.';
      note.classList.add('error');
    } finally {
      button.disabled = false;
    }
  }

  function renderSources(sources, input) {
    const list = $('sources-list');
    for (const s of sources) {
      const item = el('li', 'source');
      const head = el('p', 'source-head');
      head.append(el('strong', 'source-id', s.id), ' ', el('span', 'source-score', percent(s.score)));
      item.append(head);
      item.append(el('p', 'muted source-overlap', 'Word overlap ' + percent(s.overlapBefore) + ' as written, '
        + percent(s.overlapAfter) + ' after restoration; ' + percent(s.coverage) + ' of this text aligned.'));
      for (const p of s.passages.slice(0, 3)) {
        const pair = el('div', 'passage');
        const mine = el('blockquote', 'passage-query');
        mine.append(el('span', 'visually-hidden', 'This text: '), input.slice(p.queryStart, p.queryEnd));
        const theirs = el('blockquote', 'passage-source');
        theirs.append(el('span', 'visually-hidden', 'Source: '), p.sourceText || '');
        pair.append(mine, theirs);
        item.append(pair);
      }
      list.append(item);
    }
  }

  // ---- downloads

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = el('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /** A self-contained HTML report (styles inlined, no script) built from the JSON report. */
  function htmlReport(report, input) {
    const parts = segments(input, report.findings);
    const marked = parts.map((p) => {
      if (!p.finding) return escapeHtml(p.text);
      const f = p.finding;
      return '<mark class="strength-' + strength(f.confidence) + '" title="likely original: '
          + escapeHtml(f.suggestion) + ' (' + percent(f.confidence) + ')">' + escapeHtml(p.text) + '</mark>'
          + '<span class="orig"> [' + escapeHtml(f.suggestion) + ', ' + percent(f.confidence) + ']</span>';
    }).join('');
    const rows = report.findings.map((f) => '<tr><td>' + escapeHtml(f.text) + '</td><td>' + escapeHtml(f.suggestion)
        + '</td><td class="num">' + percent(f.confidence) + '</td><td>' + escapeHtml(f.evidence || '') + '</td></tr>').join('');
    const verdict = VERDICTS[report.verdict] || report.verdict;
    return '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + '<title>despin report</title><style>' + reportCss + '</style></head><body>'
        + '<h1>despin report</h1><p class="meta">' + escapeHtml(new Date().toISOString().slice(0, 19).replace('T', ' '))
        + ' UTC' + (report.source ? ' · ' + escapeHtml(report.source) : '') + '</p>'
        + '<p><span class="verdict verdict-' + escapeHtml(report.verdict) + '">Verdict: ' + escapeHtml(verdict) + '</span> '
        + 'Spin score <strong>' + percent(report.spinScore) + '</strong> · ' + report.findings.length + ' of '
        + report.tokens + ' words flagged</p>'
        + '<h2>Text with spun spans marked</h2><div class="text">' + marked + '</div>'
        + '<h2>Findings</h2><table><thead><tr><th>Spun</th><th>Likely original</th><th>Confidence</th><th>Evidence</th></tr></thead><tbody>'
        + (rows || '<tr><td colspan="4">Nothing looks spun.</td></tr>') + '</tbody></table>'
        + '<h2>Restored text</h2><div class="text">' + escapeHtml(report.restored) + '</div>'
        + '<footer>Schema ' + escapeHtml(report.schema) + '. Strength is shown by underline style and the percentage, not by colour alone.</footer>'
        + '</body></html>\n';
  }

  // ---- wiring

  checkButton.addEventListener('click', checkText);
  textArea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) checkText();
  });
  $('example').addEventListener('click', async () => {
    const response = await fetch('example.txt');
    textArea.value = await response.text();
    $('file-name').textContent = '';
    setStatus('Example loaded. Press Check.');
    textArea.focus();
  });
  $('file').addEventListener('change', (e) => {
    const file = e.target.files && e.target.files[0];
    if (file) uploadFile(file);
    e.target.value = '';
  });
  for (const button of document.querySelectorAll('button.view')) {
    button.addEventListener('click', () => showView(button.dataset.view));
  }
  $('find-source').addEventListener('click', findSources);
  $('download-json').addEventListener('click', () => {
    if (last) download('despin-report.json', 'application/json', last.json);
  });
  $('download-html').addEventListener('click', () => {
    if (last) download('despin-report.html', 'text/html', htmlReport(last.report, last.input));
  });
  const marked = $('marked');
  marked.addEventListener('focusin', (e) => {
    const finding = e.target.closest('.finding');
    if (finding) placeTip(finding);
  });
  marked.addEventListener('mouseover', (e) => {
    const finding = e.target.closest('.finding');
    if (finding) placeTip(finding);
  });
  marked.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && e.target.classList.contains('spun')) e.target.blur();
  });
}());
