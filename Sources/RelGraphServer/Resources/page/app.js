// relgraph's page: one era's diagram and centrality, two eras side by side, the evidence behind an entity or a tie.
// Every view lives in the URL (?era=…&measure=…&compare=…&entity=…&tie=a|b), so it can be sent as a link; the
// same parameters on /v1/graph, /v1/centrality, /v1/compare and /v1/entities give the view's data.
"use strict";

const $ = (id) => document.getElementById(id);
const state = Object.fromEntries(new URLSearchParams(location.search));
let eras = [];
let labels = new Map();
let timer = null;

function setStatus(text, isError = false) {
  $("status").textContent = text;
  $("status").className = isError ? "error" : "";
}

async function api(path, kind = "json") {
  const response = await fetch(path);
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error; } catch (_) { /* not JSON */ }
    throw new Error(`${path}: ${message}`);
  }
  return kind === "json" ? response.json() : response.text();
}

function saveURL() {
  const params = new URLSearchParams();
  for (const key of ["era", "measure", "compare", "entity", "tie", "doc"]) if (state[key]) params.set(key, state[key]);
  history.replaceState(null, "", "?" + params.toString());
}

function option(select, value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  select.append(o);
}

function eraTitle(id) {
  const era = eras.find((e) => e.id === id);
  if (!era) return id;
  const span = era.start == null ? "" : ` (${era.start}–${era.end == null ? "present" : era.end})`;
  return era.label + span;
}

// Graphviz's SVG as a DOM tree: parsed as XML, stripped of anything active, then inserted.
function insertSVG(container, text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.nodeName !== "svg") throw new Error("the diagram is not SVG");
  for (const s of svg.querySelectorAll("script, foreignObject")) s.remove();
  for (const el of svg.querySelectorAll("*")) {
    for (const attr of [...el.attributes]) if (attr.name.startsWith("on")) el.removeAttribute(attr.name);
  }
  container.replaceChildren(document.importNode(svg, true));
  for (const g of container.querySelectorAll("g.node")) {
    const id = g.querySelector("title")?.textContent;
    if (!id) continue;
    if (id === state.entity) g.classList.add("selected");
    g.addEventListener("click", () => selectEntity(id));
  }
  for (const g of container.querySelectorAll("g.edge")) {
    const title = g.querySelector("title")?.textContent || "";
    const [a, b] = title.split(/--|->/);
    if (a && b) g.addEventListener("click", () => selectTie(a, b));
  }
}

async function drawEra(era, container, caption) {
  caption.textContent = eraTitle(era);
  try {
    insertSVG(container, await api(`/v1/graph?era=${encodeURIComponent(era)}&format=svg`, "text"));
  } catch (error) {
    container.textContent = "No diagram: " + error.message;
  }
}

async function drawCentrality() {
  const top = 25;
  const data = await api(`/v1/centrality?era=${encodeURIComponent(state.era)}&measure=${encodeURIComponent(state.measure)}&top=${top}`);
  $("centrality-title").textContent = `${data.measure} — ${eraTitle(state.era)}`;
  const body = $("centrality").querySelector("tbody");
  body.replaceChildren();
  let rank = 0;
  for (const [id, score] of Object.entries(data.scores)) {
    const row = document.createElement("tr");
    rank += 1;
    for (const [text, cls] of [[String(rank), "number"], [labels.get(id) || id, ""], [score.toFixed(4), "number"]]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      if (cls) cell.className = cls;
      row.append(cell);
    }
    row.title = id;
    row.addEventListener("click", () => selectEntity(id));
    body.append(row);
  }
}

async function drawComparison() {
  const show = Boolean(state.compare);
  $("from-figure").hidden = !show;
  $("changes").hidden = !show;
  if (!show) return;
  await drawEra(state.compare, $("from-diagram"), $("from-caption"));
  const c = await api(`/v1/compare?from=${encodeURIComponent(state.compare)}&to=${encodeURIComponent(state.era)}&measure=${encodeURIComponent(state.measure)}`);
  const name = (id) => labels.get(id) || id;
  const s = c.summary || {};
  const parts = [`tie overlap (Jaccard) ${typeof s.tie_jaccard === "number" ? s.tie_jaccard.toFixed(2) : "—"}`];
  if (s.entered?.length) parts.push("entered: " + s.entered.map(name).join(", "));
  if (s.left?.length) parts.push("left: " + s.left.map(name).join(", "));
  $("change-summary").textContent = parts.join("; ");
  const body = $("change-rows");
  body.replaceChildren();
  for (const t of (c.ties || []).filter((t) => t.status !== "unchanged").slice(0, 30)) {
    const row = document.createElement("tr");
    for (const text of [`${name(t.source)} – ${name(t.target)}`, t.status, `${t.from_weight} → ${t.to_weight}`]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    row.addEventListener("click", () => selectTie(t.source, t.target));
    body.append(row);
  }
}

function evidenceList(edge) {
  const box = document.createElement("div");
  box.className = "tie";
  const h = document.createElement("h3");
  h.className = edge.relation;
  h.textContent = `${labels.get(edge.source) || edge.source} — ${edge.relation} — ${labels.get(edge.target) || edge.target}` +
    ` (${eraTitle(edge.era)}, weight ${edge.weight}, tone ${edge.tone.toFixed(1)})`;
  box.append(h);
  for (const e of edge.evidence) {
    const quote = document.createElement("blockquote");
    quote.textContent = e.text + " ";
    const link = document.createElement("a");
    link.href = "?" + new URLSearchParams({ ...state, doc: `${e.doc}:${e.start}:${e.end}` }).toString();
    link.textContent = `${e.doc}${e.year == null ? "" : ", " + e.year}`;
    link.addEventListener("click", (event) => { event.preventDefault(); showDocument(e.doc, e.start, e.end); });
    quote.append(link);
    box.append(quote);
  }
  return box;
}

async function drawEvidence() {
  const panel = $("evidence");
  if (!state.entity && !state.tie) { panel.hidden = true; return; }
  const [a, b] = (state.tie || "").split("|");
  const id = state.entity || a;
  const data = await api(`/v1/entities/${encodeURIComponent(id)}`);
  labels.set(data.id, data.label);
  let ties = data.ties.filter((t) => t.era === state.era || (state.compare && t.era === state.compare));
  if (state.tie) ties = ties.filter((t) => (t.source === a && t.target === b) || (t.source === b && t.target === a));
  $("evidence-title").textContent = state.tie
    ? `${labels.get(a) || a} – ${labels.get(b) || b}: ${ties.length} ties`
    : `${data.label} (${data.kind}): ${ties.length} ties in this view, ${data.ties.length} in all`;
  $("evidence-body").replaceChildren(...ties.map(evidenceList));
  panel.hidden = false;
}

async function showDocument(doc, start, end) {
  state.doc = `${doc}:${start}:${end}`;
  saveURL();
  const data = await api(`/v1/documents/${encodeURIComponent(doc)}`);
  $("document-title").textContent = data.document.title || data.document.id;
  // Offsets count Unicode code points of the original text.
  const chars = Array.from(data.text);
  const mark = document.createElement("mark");
  mark.textContent = chars.slice(start, end).join("");
  $("document-text").replaceChildren(chars.slice(0, start).join(""), mark, chars.slice(end).join(""));
  $("document").hidden = false;
  mark.scrollIntoView({ block: "center" });
}

function selectEntity(id) {
  state.entity = id;
  delete state.tie;
  saveURL();
  for (const g of document.querySelectorAll("g.node")) g.classList.toggle("selected", g.querySelector("title")?.textContent === id);
  drawEvidence().catch(report);
}

function selectTie(a, b) {
  state.tie = `${a}|${b}`;
  delete state.entity;
  saveURL();
  drawEvidence().catch(report);
}

function report(error) {
  setStatus(error.message, true);
  console.warn(error);
}

async function render() {
  saveURL();
  setStatus("loading…");
  $("era").value = state.era;
  $("measure").value = state.measure;
  $("compare").value = state.compare || "";
  await Promise.all([
    drawEra(state.era, $("diagram"), $("main-caption")),
    drawCentrality(),
    drawComparison(),
    drawEvidence(),
  ]);
  if (state.doc) {
    const [doc, start, end] = state.doc.split(":");
    await showDocument(doc, Number(start), Number(end));
  }
  setStatus("");
}

function step(delta) {
  const index = eras.findIndex((e) => e.id === state.era);
  state.era = eras[(index + delta + eras.length) % eras.length].id;
  render().catch(report);
}

async function start() {
  eras = (await api("/v1/eras")).eras;
  const entities = (await api("/v1/entities?limit=10000")).entities;
  labels = new Map(entities.map((e) => [e.id, e.label]));
  for (const era of eras) { option($("era"), era.id, eraTitle(era.id)); option($("compare"), era.id, eraTitle(era.id)); }
  for (const m of ["pagerank", "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "katz"]) option($("measure"), m, m);
  if (!state.era || !eras.some((e) => e.id === state.era)) {
    // The latest era that has ties, else the first.
    state.era = (eras.filter((e) => e.id !== "undated").pop() || eras[0] || { id: "" }).id;
  }
  state.measure = state.measure || "pagerank";
  $("era").addEventListener("change", () => { state.era = $("era").value; render().catch(report); });
  $("measure").addEventListener("change", () => { state.measure = $("measure").value; render().catch(report); });
  $("compare").addEventListener("change", () => { state.compare = $("compare").value; if (!state.compare) delete state.compare; render().catch(report); });
  $("prev").addEventListener("click", () => step(-1));
  $("next").addEventListener("click", () => step(1));
  $("play").addEventListener("click", () => {
    if (timer) { clearInterval(timer); timer = null; $("play").textContent = "▶ timeline"; return; }
    $("play").textContent = "■ stop";
    timer = setInterval(() => step(1), 2500);
  });
  await render();
}

start().catch(report);
