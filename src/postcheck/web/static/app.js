// postcheck check page: plain JavaScript, no dependencies, no third-party requests.
// Every piece of user or report text is put in the page with textContent (never innerHTML),
// so a draft can never inject markup.
"use strict";

(function () {
  const DEBOUNCE_MS = 400;
  const SEVERITY_RANK = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
  const SEVERITY_LABEL = { info: "Info", low: "Low", medium: "Medium", high: "High", critical: "Critical" };
  const VERDICTS = {
    pass: { icon: "✓", title: "Ready to publish" },
    revise: { icon: "✎", title: "Revise before publishing" },
    escalate: { icon: "✕", title: "Escalate — do not publish" },
  };

  const $ = (id) => document.getElementById(id);
  const ui = {
    account: $("account"),
    platform: $("platform"),
    direction: $("direction"),
    draft: $("draft"),
    bio: $("bio"),
    counter: $("counter"),
    check: $("check"),
    busy: $("busy"),
    preview: $("preview"),
    verdict: $("verdict"),
    notice: $("notice"),
    error: $("error"),
    routing: $("routing"),
    routingIntro: $("routing-intro"),
    routingList: $("routing-list"),
    findingsHeading: $("findings-heading"),
    findings: $("findings"),
  };

  // Filled from /api/meta and /api/rules at start-up; the page still checks without them.
  const meta = { recipients: {}, clauses: {}, rules: {} };
  // The text and report of the last completed check: fixes apply only to that exact text.
  let checked = null;
  let timer = null;
  let inflight = null;
  let sequence = 0;

  /** Create an element; children may be strings (added as text) or nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** Python counts code points, JavaScript UTF-16 units: map one to the other. */
  function unitOffsets(text) {
    const offsets = [];
    let unit = 0;
    for (const ch of text) {
      offsets.push(unit);
      unit += ch.length;
    }
    offsets.push(unit);
    return (cp) => offsets[Math.max(0, Math.min(cp, offsets.length - 1))];
  }

  function codePointLength(text) {
    let n = 0;
    for (const _ of text) n += 1; // eslint-disable-line no-unused-vars
    return n;
  }

  function rulesChecked() {
    const n = Object.keys(meta.rules).length;
    return n ? ` by the ${n} rules of the Social Media Policy` : " against the Social Media Policy";
  }

  function label(severity) {
    return SEVERITY_LABEL[severity] || severity;
  }

  function ruleName(finding) {
    const rule = meta.rules[finding.rule];
    return rule ? rule.name : finding.rule;
  }

  function recipientLabel(id) {
    return meta.recipients[id] || id.replace(/_/g, " ");
  }

  // ---- character counter -------------------------------------------------------------

  function updateCounter() {
    const option = ui.platform.selectedOptions[0];
    const limit = option ? Number(option.dataset.limit) : 0;
    const n = codePointLength(ui.draft.value);
    const over = limit > 0 && n > limit;
    let text = `${n.toLocaleString("en-GB")} / ${limit.toLocaleString("en-GB")} characters`;
    if (over) {
      const name = option.dataset.name || option.value;
      text = `⚠ ${text} — ${(n - limit).toLocaleString("en-GB")} over the ${name} limit`;
    }
    ui.counter.textContent = text;
    ui.counter.classList.toggle("over", over);
    ui.draft.setAttribute("aria-invalid", over ? "true" : "false");
  }

  // ---- checking --------------------------------------------------------------------------

  function payload() {
    return {
      text: ui.draft.value,
      account: ui.account.value,
      direction: ui.direction.value,
      platform: ui.platform.value || null,
      bio: ui.bio.value.trim() ? ui.bio.value : null,
    };
  }

  function scheduleCheck() {
    clearTimeout(timer);
    timer = setTimeout(runCheck, DEBOUNCE_MS);
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      if (typeof body.detail === "string") return body.detail;
      if (Array.isArray(body.detail)) {
        return body.detail.map((e) => `${e.field}: ${e.message}`).join("; ");
      }
    } catch (_) {
      /* not JSON: fall through */
    }
    return `The server answered ${response.status}.`;
  }

  /** Check the current draft now; a newer check cancels an older one still running. */
  async function runCheck() {
    clearTimeout(timer);
    const body = payload();
    if (!body.text.trim()) {
      checked = null;
      renderIdle();
      return null;
    }
    if (inflight) inflight.abort();
    const controller = new AbortController();
    inflight = controller;
    const mine = ++sequence;
    ui.busy.hidden = false;
    ui.check.setAttribute("aria-busy", "true");
    try {
      const response = await fetch("/api/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (mine !== sequence) return null;
      if (!response.ok) {
        showError(await errorMessage(response));
        return null;
      }
      const report = await response.json();
      if (mine !== sequence) return null;
      checked = { text: body.text, report };
      hideError();
      render(report, body.text);
      return report;
    } catch (err) {
      if (err && err.name === "AbortError") return null;
      showError("Could not reach the postcheck server. Is `postcheck serve` still running?");
      return null;
    } finally {
      if (mine === sequence) {
        ui.busy.hidden = true;
        ui.check.removeAttribute("aria-busy");
        inflight = null;
      }
    }
  }

  function showError(message) {
    ui.error.textContent = message;
    ui.error.hidden = false;
  }

  function hideError() {
    ui.error.hidden = true;
    ui.error.textContent = "";
  }

  // ---- rendering ------------------------------------------------------------------------

  function renderIdle() {
    hideError();
    setVerdict("idle", "…", "Nothing checked yet",
      "Write a draft and it is checked against the policy as you type.");
    ui.preview.replaceChildren(
      el("p", { class: "placeholder", text: "Your draft appears here with each problem marked." }));
    ui.findings.replaceChildren();
    ui.findingsHeading.hidden = true;
    ui.routing.hidden = true;
  }

  function setVerdict(kind, icon, title, detail) {
    ui.verdict.className = `verdict verdict-${kind}`;
    ui.verdict.replaceChildren(
      el("span", { class: "verdict-icon", "aria-hidden": "true", text: icon }),
      el("div", {},
        el("p", { class: "verdict-title", text: title }),
        el("p", { class: "verdict-detail", text: detail })));
  }

  function countSummary(findings) {
    const counts = {};
    for (const f of findings) counts[f.severity] = (counts[f.severity] || 0) + 1;
    const parts = Object.keys(SEVERITY_RANK).reverse()
      .filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`);
    const noun = findings.length === 1 ? "issue" : "issues";
    return `${findings.length} ${noun} (${parts.join(", ")})`;
  }

  function render(report, text) {
    const findings = report.findings;
    const verdict = VERDICTS[report.verdict] || { icon: "?", title: report.verdict };
    let detail;
    if (report.verdict === "pass") {
      detail = findings.length
        ? `No policy problems; ${findings.length} note(s) below.`
        : `No problems found${rulesChecked()}.`;
    } else if (report.verdict === "revise") {
      detail = `${countSummary(findings)}. Fix ${findings.length === 1 ? "it" : "them"} before you publish.`;
    } else {
      detail = `${countSummary(findings)}. Do not publish; tell the people listed below.`;
    }
    setVerdict(report.verdict, verdict.icon, verdict.title, detail);
    renderPreview(text, findings);
    renderRouting(report);
    renderFindings(findings);
  }

  function renderRouting(report) {
    if (!report.routing.length) {
      ui.routing.hidden = true;
      return;
    }
    const received = ui.direction.value === "received";
    ui.routingIntro.textContent = received
      ? "Before anyone replies, inform:"
      : report.verdict === "escalate"
        ? "Do not publish. Report it to:"
        : "If it were published as it is, these people would have to be told:";
    ui.routingList.replaceChildren(...report.routing.map((entry) =>
      el("li", {},
        el("strong", { text: recipientLabel(entry.recipient) }),
        el("span", { class: "reason", text: ` — ${entry.reason}` }))));
    ui.routing.hidden = false;
  }

  /** The draft as text with a <mark> (plus a visible severity tag) over each finding. */
  function renderPreview(text, findings) {
    const toUnit = unitOffsets(text);
    const spans = findings.map((f, i) => ({
      index: i,
      start: toUnit(f.start),
      end: toUnit(f.end),
      severity: f.severity,
    }));
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const nodes = [];
    const anchored = new Set();

    const tag = (s) => el("a", {
      class: `mark-tag sev-${s.severity}`,
      href: `#finding-${s.index}`,
      title: `${label(s.severity)}: ${ruleName(findings[s.index])}`,
    }, `${s.index + 1} · ${label(s.severity)}`);

    for (let p = 0; p < points.length; p++) {
      const at = points[p];
      // Findings without a span (start == end) get only their tag, where they point.
      for (const s of spans) {
        if (s.start === at && s.end === at && !anchored.has(s.index)) {
          anchored.add(s.index);
          const t = tag(s);
          t.id = `mark-${s.index}`;
          t.setAttribute("tabindex", "-1");
          nodes.push(t);
        }
      }
      if (p === points.length - 1) break;
      const next = points[p + 1];
      const segment = text.slice(at, next);
      const covering = spans.filter((s) => s.start <= at && s.end >= next && s.start < s.end);
      if (!covering.length) {
        nodes.push(document.createTextNode(segment));
        continue;
      }
      const worst = covering.reduce((a, b) =>
        SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a);
      const mark = el("mark", {
        class: `sev-${worst.severity}`,
        title: covering.map((s) => `${label(s.severity)}: ${ruleName(findings[s.index])}`).join("\n"),
        "data-findings": covering.map((s) => s.index).join(" "),
      }, segment);
      const first = covering.find((s) => !anchored.has(s.index));
      if (first) {
        mark.id = `mark-${first.index}`;
        mark.setAttribute("tabindex", "-1");
        anchored.add(first.index);
      }
      nodes.push(mark);
      // Any other finding starting here still needs a link target.
      for (const s of covering) {
        if (!anchored.has(s.index)) {
          anchored.add(s.index);
          nodes.push(el("span", { id: `mark-${s.index}`, tabindex: "-1", class: "anchor" }));
        }
      }
      for (const s of covering) if (s.end === next) nodes.push(tag(s));
    }
    ui.preview.replaceChildren(...nodes);
  }

  function renderFindings(findings) {
    ui.findingsHeading.hidden = findings.length === 0;
    ui.findings.replaceChildren(...findings.map(renderFinding));
  }

  function renderFinding(f, i) {
    const rule = meta.rules[f.rule];
    const clauseText = meta.clauses[(f.policy.clause.match(/§\s*\d+/) || [""])[0].replace(/\s/g, "")];
    const item = el("li", { class: `finding sev-${f.severity}`, id: `finding-${i}`, tabindex: "-1" },
      el("div", { class: "finding-head" },
        el("span", { class: `badge sev-${f.severity}` }, `${i + 1} · ${label(f.severity)}`),
        el("h4", { class: "finding-title", text: rule ? rule.name : f.rule }),
        el("span", { class: "finding-rule", text: `${f.rule} · ${f.category.replace(/_/g, " ")}${(f.also || []).length ? ` · also ${f.also.join(", ")}` : ""}` })),
      el("p", { class: "finding-message", text: f.message }));

    if (f.end > f.start || f.excerpt) {
      const link = el("a", { href: `#mark-${i}`, class: "evidence" }, `“${f.excerpt}”`);
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const target = $(`mark-${i}`);
        if (target) {
          target.scrollIntoView({ block: "center", behavior: "smooth" });
          target.focus({ preventScroll: true });
          target.classList.remove("flash");
          void target.offsetWidth; // restart the highlight animation
          target.classList.add("flash");
        }
      });
      item.append(el("p", { class: "finding-evidence" }, el("span", { class: "k", text: "Found: " }), link));
    }
    item.append(el("p", { class: "finding-suggestion" },
      el("span", { class: "k", text: "How to fix: " }), f.suggestion));
    if (f.routing.length) {
      item.append(el("p", { class: "finding-routing" },
        el("span", { class: "k", text: "Who must be told: " }),
        f.routing.map((r) => recipientLabel(r.recipient)).join(", ")));
    }
    const details = el("details", { class: "clause" },
      el("summary", {}, el("span", { class: "k", text: `Policy ${f.policy.clause}: ` }), `“${f.policy.quote}”`));
    details.append(clauseText
      ? el("div", { class: "clause-text", text: clauseText })
      : el("p", { class: "help", text: "The full clause text is not available for this policy." }));
    item.append(details);
    if (f.fix) {
      const button = el("button", { type: "button", class: "button fix" }, f.fix.label);
      button.addEventListener("click", () => applyFix(f.fix));
      item.append(el("div", { class: "finding-actions" }, button));
    }
    return item;
  }

  // ---- one-click fixes ------------------------------------------------------------------

  async function applyFix(fix) {
    // A fix's offsets belong to the text that was checked; if the draft changed since,
    // check again first rather than edit the wrong characters.
    if (!checked || checked.text !== ui.draft.value) {
      ui.notice.textContent = "The draft changed since the last check; checked it again. Try the fix once more.";
      await runCheck();
      return;
    }
    const text = checked.text;
    const toUnit = unitOffsets(text);
    const start = toUnit(fix.start);
    const end = toUnit(fix.end);
    ui.draft.value = text.slice(0, start) + fix.replacement + text.slice(end);
    updateCounter();
    ui.notice.textContent = `Applied: ${fix.label}. Checking again…`;
    const report = await runCheck();
    if (report) {
      const verdict = VERDICTS[report.verdict];
      ui.notice.textContent = `Applied: ${fix.label}. ${verdict ? verdict.title : report.verdict}.`;
    }
    ui.draft.focus();
  }

  // ---- start-up -------------------------------------------------------------------------

  async function loadMeta() {
    try {
      const [metaResponse, rulesResponse] = await Promise.all([fetch("/api/meta"), fetch("/api/rules")]);
      if (metaResponse.ok) {
        const data = await metaResponse.json();
        meta.recipients = data.recipients || {};
        meta.clauses = data.clauses || {};
      }
      if (rulesResponse.ok) {
        const data = await rulesResponse.json();
        for (const rule of data.rules || []) meta.rules[rule.id] = rule;
      }
    } catch (_) {
      /* The page works without names and clause texts; checks show rule ids instead. */
    }
  }

  function onContextChange() {
    updateCounter();
    if (ui.draft.value.trim()) runCheck();
  }

  ui.draft.addEventListener("input", () => {
    updateCounter();
    ui.notice.textContent = "";
    scheduleCheck();
  });
  ui.draft.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runCheck();
    }
  });
  ui.bio.addEventListener("input", scheduleCheck);
  ui.bio.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      runCheck();
    }
  });
  ui.account.addEventListener("change", onContextChange);
  ui.platform.addEventListener("change", onContextChange);
  ui.direction.addEventListener("change", onContextChange);
  ui.check.addEventListener("click", () => runCheck());

  updateCounter();
  loadMeta().then(() => {
    document.body.dataset.ready = "true";
    if (ui.draft.value.trim()) runCheck();
  });
})();
