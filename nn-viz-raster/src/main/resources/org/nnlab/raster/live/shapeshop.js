// nnlab live, ShapeShop page: picks classes, paints a class of one's own, sends the settings and starts rounds;
// the Java server trains, maximizes each class and draws the rows. Nothing is computed here.
"use strict";

const SIDE = 28;
let state = null;
let builtPalette = "";
const pad = new Float32Array(SIDE * SIDE);

function render(newest) {
  state = newest;
  for (const el of document.querySelectorAll("[data-setting]")) live.set(el, state[el.dataset.setting]);
  const running = state.running;
  $("train").disabled = !!running;
  $("train").classList.toggle("playing", !!running);
  $("stop").disabled = !running;
  $("progress").hidden = !running;
  if (running) {
    const done = running.trained ? 1 + running.classesDone / running.classes : running.epoch / running.epochs;
    $("progressBar").style.width = (50 * done).toFixed(1) + "%";
    $("progressText").textContent = running.trained
        ? "Round " + running.round + ": visualizing class " + Math.min(running.classesDone + 1, running.classes)
          + " of " + running.classes
        : "Round " + running.round + ": training epoch " + running.epoch + " of " + running.epochs
          + (running.epoch > 0 ? ", loss " + live.number(running.loss, 4) : "");
  }
  const last = state.last;
  $("trainAccuracy").textContent = last ? (100 * last.trainAccuracy).toFixed(0) + "%" : "";
  $("validationAccuracy").textContent = last ? (100 * last.validationAccuracy).toFixed(0) + "%" : "";
  $("status").textContent = state.status;
  const palette = [state.shapes.join(","), state.drawn.join(","), state.chosen.join(",")].join("|");
  if (palette === builtPalette) return;             // a button replaced under the pointer loses its click
  builtPalette = palette;
  const button = (name, src) => {
    const b = document.createElement("button");
    b.className = "shape" + (state.chosen.includes(name) ? " selected" : "");
    b.dataset.shape = name;
    b.title = name;
    const img = document.createElement("img");
    img.src = src;
    img.alt = name;
    const label = document.createElement("span");
    label.textContent = name;
    b.append(img, label);
    b.addEventListener("click", () => live.post({action: "toggle", name}));
    return b;
  };
  $("palette").replaceChildren(...state.shapes.map((s) => button(s, "shape-" + s + ".png")),
    ...state.drawn.map((s) => button(s, "drawn-" + s + ".png?v=" + Date.now())));
}

function wirePad() {
  const canvas = $("pad");
  const ctx = canvas.getContext("2d");
  const cell = canvas.width / SIDE;
  let down = false;
  const repaint = () => {
    for (let i = 0; i < pad.length; i++) {
      ctx.fillStyle = pad[i] > 0 ? "#fff" : "#000";
      ctx.fillRect((i % SIDE) * cell, Math.floor(i / SIDE) * cell, cell, cell);
    }
  };
  const paint = (e) => {
    const r = canvas.getBoundingClientRect();
    const c = Math.floor((e.clientX - r.left) / r.width * SIDE);
    const row = Math.floor((e.clientY - r.top) / r.height * SIDE);
    if (c < 0 || c >= SIDE || row < 0 || row >= SIDE) return;
    pad[row * SIDE + c] = e.shiftKey ? 0 : 1;
    repaint();
  };
  canvas.addEventListener("pointerdown", (e) => { down = true; canvas.setPointerCapture(e.pointerId); paint(e); });
  canvas.addEventListener("pointermove", (e) => { if (down) paint(e); });
  canvas.addEventListener("pointerup", () => { down = false; });
  $("clearPad").addEventListener("click", () => { pad.fill(0); repaint(); });
  $("addDrawn").addEventListener("click", () => live.post({action: "freeform", name: $("padName").value.trim(),
    pixels: Array.from(pad).join(",")}));
  repaint();
}

function wire() {
  $("train").addEventListener("click", () => live.post({action: "train"}));
  $("stop").addEventListener("click", () => live.post({action: "stop"}));
  $("clear").addEventListener("click", () => live.post({action: "clear"}));
  for (const el of document.querySelectorAll("[data-setting]")) {
    el.addEventListener("change", () => live.post({action: el.dataset.setting, value: el.value}));
  }
  wirePad();
}

wire();
live.connect(render);
