// nnlab live, GAN Lab page: GAN Lab's controls, sent to the Java server, which validates them with the library's
// checks and answers with frames. Nothing is computed here; a drawn distribution is sent as its points.
"use strict";

const RATES = ["0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"];
const LAYERS = [["heatmap", "Discriminator heatmap"], ["real_density", "Real samples' density"],
  ["real", "Real samples"], ["gradients", "Generator gradients"], ["fake", "Fake samples"],
  ["manifold", "Generator manifold"]];
const MAX_HIDDEN = 5;                // GAN Lab's range of extra hidden layers, 0..5
const MAX_NEURONS = 100;
const MAX_DRAWN = 400;               // points sent for a drawing (a request body holds at most 16 KiB)

let state = null;
let config = {};
let drawn = [];                      // the drawing's points, unit coordinates

function setConfig(key, value) {
  return live.post({action: "config", key, value: String(value)});
}

/** One network's controls: hidden layers, neurons, learning rate, optimizer, and k. */
function buildModel(box) {
  const p = box.dataset.net;
  const row = (label, ...children) => {
    const div = document.createElement("div");
    div.className = "row";
    const span = document.createElement("span");
    span.textContent = label;
    div.append(span, ...children);
    return div;
  };
  const stepper = (key, min, max) => {
    const out = document.createElement("output");
    out.id = p + key + "Out";
    const minus = document.createElement("button");
    minus.textContent = "\u2212";
    minus.id = p + key + "Minus";
    minus.addEventListener("click", () => { if (config[p + key] > min) setConfig(p + key, config[p + key] - 1); });
    const plus = document.createElement("button");
    plus.textContent = "+";
    plus.id = p + key + "Plus";
    plus.addEventListener("click", () => { if (config[p + key] < max) setConfig(p + key, config[p + key] + 1); });
    return [minus, out, plus];
  };
  const select = (key, values) => {
    const s = document.createElement("select");
    s.id = key;
    s.dataset.config = key;
    live.options(s, values.map((v) => [v, v]));
    return s;
  };
  const k = document.createElement("select");
  k.id = "k" + p.toUpperCase();
  k.dataset.config = k.id;
  live.options(k, [...Array(11).keys()].map((n) => [String(n), String(n)]));
  box.append(row("Hidden layers", ...stepper("Layers", 0, MAX_HIDDEN)),
    row("Neurons per layer", ...stepper("Neurons", 1, MAX_NEURONS)),
    row("Learning rate", select(p + "LR", RATES)),
    row("Optimizer", select(p + "Opt", ["SGD", "Adam"])),
    row("Updates per epoch (k" + p.toUpperCase() + ")", k));
}

function render(newest) {
  state = newest;
  config = JSON.parse(state.config);
  live.text($("epoch"), state.epoch.toLocaleString("en-US").padStart(3, "0"));
  live.text($("dLoss"), live.number(state.dLoss, 4));
  live.text($("gLoss"), live.number(state.gLoss, 4));
  live.text($("kl"), live.number(state.kl, 3));
  live.text($("js"), live.number(state.js, 3));
  const play = $("play");
  live.text(play, state.playing && state.running ? "\u275a\u275a" : "\u25b6");
  play.classList.toggle("playing", state.playing && state.running);
  live.set($("slow"), state.slow);
  if ($("drawing").hidden) live.set($("dataset"), state.dataset);
  for (const el of document.querySelectorAll("[data-config]")) {
    const v = config[el.dataset.config];
    live.set(el, typeof v === "number" && el.dataset.config.endsWith("LR") ? String(v) : v);
  }
  for (const p of ["g", "d"]) {
    live.text($(p + "LayersOut"), String(config[p + "Layers"]));
    live.text($(p + "NeuronsOut"), String(config[p + "Neurons"]));
    $(p + "LayersMinus").disabled = config[p + "Layers"] <= 0;
    $(p + "LayersPlus").disabled = config[p + "Layers"] >= MAX_HIDDEN;
    $(p + "NeuronsMinus").disabled = config[p + "Neurons"] <= 1;
    $(p + "NeuronsPlus").disabled = config[p + "Neurons"] >= MAX_NEURONS;
  }
  for (const box of document.querySelectorAll("#layers input")) live.set(box, state.layers.includes(box.dataset.layer));
  renderWalk(state.walk);
  live.text($("status"), state.diverged
      ? "Training diverged: a weight or a loss is no longer a number. Reset or change a setting." : "");
}

function renderWalk(walk) {
  if ($("walk").hidden !== !walk) $("walk").hidden = !walk;
  if (!walk) return;
  $("walkPhase").textContent = (walk.network === "discriminator" ? "Discriminator" : "Generator") + " update, "
      + walk.phase + "/" + walk.phases + ":";
  $("walkCaption").textContent = walk.caption;
  const rows = walk.tensors.map((t) => {
    const tr = document.createElement("tr");
    const cells = t.shape === "scalar" ? [t.name, "", live.number(t.mean, 4)]
        : [t.name, t.shape, "mean " + live.number(t.mean, 3) + ", |\u00b7| " + live.number(t.norm, 3)];
    tr.replaceChildren(...cells.map((c) => { const td = document.createElement("td"); td.textContent = c; return td; }));
    return tr;
  });
  $("walkTensors").replaceChildren(...rows);
}

/** The drawing canvas: points recorded along the mouse's path, as GAN Lab's (x/400, 1 - y/400). */
function wireDrawing() {
  const canvas = $("canvas");
  const ctx = canvas.getContext("2d");
  let down = false;
  const repaint = () => {
    ctx.fillStyle = "#f3f3f3";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = "rgba(0,136,55,0.75)";
    for (const [x, y] of drawn) {
      ctx.beginPath();
      ctx.arc(x * canvas.width, (1 - y) * canvas.height, 2, 0, 2 * Math.PI);
      ctx.fill();
    }
    $("drawnCount").textContent = drawn.length + " points";
  };
  const record = (e) => {
    const r = canvas.getBoundingClientRect();
    const x = (e.clientX - r.left) / r.width;
    const y = 1 - (e.clientY - r.top) / r.height;
    if (x >= 0 && x <= 1 && y >= 0 && y <= 1) drawn.push([x, y]);
    repaint();
  };
  canvas.addEventListener("pointerdown", (e) => { down = true; canvas.setPointerCapture(e.pointerId); record(e); });
  canvas.addEventListener("pointermove", (e) => { if (down) record(e); });
  canvas.addEventListener("pointerup", () => { down = false; });
  $("clearDrawing").addEventListener("click", () => { drawn = []; repaint(); });
  $("cancelDrawing").addEventListener("click", () => { $("drawing").hidden = true; live.set($("dataset"), state.dataset); });
  $("applyDrawing").addEventListener("click", async () => {
    if (drawn.length === 0) { live.showError("Draw some points first."); return; }
    const step = Math.max(1, Math.ceil(drawn.length / MAX_DRAWN));      // evenly thinned to fit one request
    const points = drawn.filter((_, i) => i % step === 0);
    const ok = await live.post({action: "draw", xs: points.map((p) => p[0].toFixed(4)).join(","),
      ys: points.map((p) => p[1].toFixed(4)).join(",")});
    if (ok) $("drawing").hidden = true;
  });
  repaint();
}

function wire() {
  for (const box of document.querySelectorAll(".model")) buildModel(box);
  $("layers").replaceChildren(...LAYERS.map(([id, label]) => {
    const l = document.createElement("label");
    l.className = "check";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.dataset.layer = id;
    box.addEventListener("change", () => live.post({action: "layer", name: id, on: String(box.checked)}));
    l.append(box, " " + label);
    return l;
  }));
  $("play").addEventListener("click", () => live.post({action: state && state.playing && state.running ? "pause" : "play"}));
  $("step").addEventListener("click", () => live.post({action: "step"}));
  $("stepD").addEventListener("click", () => live.post({action: "stepD"}));
  $("stepG").addEventListener("click", () => live.post({action: "stepG"}));
  $("reset").addEventListener("click", () => live.post({action: "reset"}));
  $("slow").addEventListener("change", () => live.post({action: "slow", on: String($("slow").checked)}));
  $("dataset").addEventListener("change", () => {
    const name = $("dataset").value;
    $("drawing").hidden = name !== "drawing";
    if (name !== "drawing") live.post({action: "dataset", name});
  });
  for (const el of document.querySelectorAll("[data-config]")) {
    el.addEventListener("change", () => setConfig(el.dataset.config, el.value));
  }
  wireDrawing();
}

wire();
live.connect(render);
