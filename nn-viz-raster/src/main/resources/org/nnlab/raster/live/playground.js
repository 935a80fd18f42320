// nnlab live, Playground page: draws the frames the Java server renders and sends the controls. It computes
// nothing: the session's state comes back with every frame as Playground's hash, and a change is that hash
// with one key changed, which the server validates and applies.
"use strict";

const DATASETS = {
  classification: [["circle", "Circle"], ["xor", "Exclusive or"], ["gauss", "Gaussian"], ["spiral", "Spiral"]],
  regression: [["reg-plane", "Plane"], ["reg-gauss", "Multi Gaussian"]],
};
const FEATURES = [["x", "X\u2081"], ["y", "X\u2082"], ["xSquared", "X\u2081\u00b2"], ["ySquared", "X\u2082\u00b2"],
  ["xTimesY", "X\u2081X\u2082"], ["sinX", "sin(X\u2081)"], ["sinY", "sin(X\u2082)"]];
const MAX_LAYERS = 6;
const MAX_NEURONS = 8;

let keys = [];            // the hash's keys in order, and their values
let values = {};
let state = null;         // the newest frame's numbers
let built = "";           // what the data set, feature and layer buttons show now
let shownHash = null;     // the hash keys and values were parsed from

function parseHash(hash) {
  const k = [], v = {};
  for (const pair of hash.replace(/^#/, "").split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!(name in v)) k.push(name);
    v[name] = eq < 0 ? "" : pair.slice(eq + 1);
  }
  return [k, v];
}

function hashWith(changes) {
  const k = keys.slice(), v = Object.assign({}, values);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) {
      delete v[name];
      const i = k.indexOf(name);
      if (i >= 0) k.splice(i, 1);
    } else {
      if (!(name in v)) k.push(name);
      v[name] = String(value);
    }
  }
  return k.filter((name) => name in v).map((name) => name + "=" + v[name]).join("&");
}

function change(changes) {
  return live.post({action: "state", hash: hashWith(changes)});
}

function shape() {
  const s = values.networkShape || "";
  return s === "" ? [] : s.split(",").map(Number);
}

function setShape(layers) {
  change({networkShape: layers.join(",")});
}

function render(newest) {
  state = newest;
  live.text($("epoch"), state.epoch.toLocaleString("en-US").padStart(3, "0"));
  live.text($("trainLoss"), state.trainLoss === null ? "NaN" : state.trainLoss.toFixed(3));
  live.text($("testLoss"), state.testLoss === null ? "NaN" : state.testLoss.toFixed(3));
  const play = $("play");
  live.text(play, state.playing ? "\u275a\u275a" : "\u25b6");
  play.classList.toggle("playing", state.playing);
  live.text($("status"), state.diverged
      ? "Training diverged: the losses are no longer numbers. Reset or change a setting."
      : state.ownData ? "This session trains on the program's own data." : "");
  if (state.hash !== shownHash) {
    shownHash = state.hash;
    [keys, values] = parseHash(state.hash);
  }
  // the address follows the state; written only when it differs, for each write costs the browser an update of its
  // history entry, too much 30 times a second
  if (location.hash !== "#" + state.hash) history.replaceState(null, "", "#" + state.hash);
  for (const el of document.querySelectorAll("[data-key]")) {
    const key = el.dataset.key;
    let v = values[key];
    if (key === "regularization" && v === undefined) v = "none";
    if (el.type === "checkbox") {
      if (el.checked !== (v === "true")) el.checked = v === "true";
    }
    else if (v !== undefined) live.set(el, v);
    const out = $(key + "Out");
    if (out) live.text(out, el.value);
  }
  const problem = values.problem || "classification";
  const datasetKey = problem === "regression" ? "regDataset" : "dataset";
  // rebuild the buttons only when what they show changes: a button replaced under the pointer loses its click
  const shown = [problem, values[datasetKey], values.networkShape, ...FEATURES.map(([id]) => values[id])].join("|");
  if (shown === built) return;
  built = shown;
  const datasets = $("datasets");
  datasets.replaceChildren(...DATASETS[problem].map(([id, label]) => {
    const b = document.createElement("button");
    b.textContent = label;
    b.className = "dataset" + (values[datasetKey] === id ? " selected" : "");
    b.addEventListener("click", () => change({[datasetKey]: id}));
    return b;
  }));
  const features = $("features");
  features.replaceChildren(...FEATURES.map(([id, label]) => {
    const b = document.createElement("button");
    b.textContent = label;
    b.dataset.feature = id;
    b.className = "feature" + (values[id] === "true" ? " selected" : "");
    b.addEventListener("click", () => change({[id]: values[id] === "true" ? "false" : "true"}));
    return b;
  }));
  const layers = shape();
  $("layerCount").textContent = layers.length + (layers.length === 1 ? " hidden layer" : " hidden layers");
  $("neurons").replaceChildren(...layers.map((n, i) => {
    const box = document.createElement("div");
    box.className = "layer";
    const plus = document.createElement("button");
    plus.textContent = "+";
    plus.title = "Add a neuron to layer " + (i + 1);
    plus.disabled = n >= MAX_NEURONS;
    plus.addEventListener("click", () => { const s = shape(); s[i] += 1; setShape(s); });
    const minus = document.createElement("button");
    minus.textContent = "\u2212";
    minus.title = "Remove a neuron from layer " + (i + 1);
    minus.disabled = n <= 1;
    minus.addEventListener("click", () => { const s = shape(); s[i] -= 1; setShape(s); });
    const label = document.createElement("span");
    label.textContent = n + (n === 1 ? " neuron" : " neurons");
    box.append(plus, minus, label);
    return box;
  }));
  $("addLayer").disabled = layers.length >= MAX_LAYERS;
  $("removeLayer").disabled = layers.length === 0;
}

function wire() {
  $("play").addEventListener("click", () => live.post({action: state && state.playing ? "pause" : "play"}));
  $("step").addEventListener("click", () => live.post({action: "step"}));
  $("reset").addEventListener("click", () => live.post({action: "reset"}));
  $("regenerate").addEventListener("click", () => live.post({action: "regenerate"}));
  $("addLayer").addEventListener("click", () => { const s = shape(); if (s.length < MAX_LAYERS) { s.push(2); setShape(s); } });
  $("removeLayer").addEventListener("click", () => { const s = shape(); s.pop(); setShape(s); });
  for (const el of document.querySelectorAll("[data-key]")) {
    const key = el.dataset.key;
    el.addEventListener("change", () => {               // once per choice (a slider's input fires while dragging)
      if (el.type === "checkbox") change({[key]: el.checked ? "true" : "false"});
      else if (key === "regularization") change({regularization: el.value === "none" ? null : el.value});
      else change({[key]: el.value});
    });
    if (el.type === "range") el.addEventListener("input", () => { $(key + "Out").textContent = el.value; });
  }
}

async function start() {
  wire();
  const asked = location.hash.replace(/^#/, "");          // before the first frame writes its own hash there
  const first = await live.connect(render);
  if (asked && first && asked !== first.hash) {
    await live.post({action: "state", hash: asked});      // a copied link, ours or playground.tensorflow.org's
  }
  window.addEventListener("hashchange", (e) => {      // the address edited by hand, or a link pasted into it
    const edited = new URL(e.newURL).hash.replace(/^#/, "");   // as typed: a frame may rewrite location first
    if (edited && (!state || edited !== state.hash)) live.post({action: "state", hash: edited});
  });
}

start();
