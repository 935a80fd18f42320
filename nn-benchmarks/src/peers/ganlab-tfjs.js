// GAN Lab's model (spec ganlab.md 2.a-2.f) restated on TensorFlow.js, to time one training epoch as a user who
// picked TensorFlow.js would run it: G and D as tf.variables, log loss with the 0.95 factor and the
// non-saturating G loss, SGD through tf.train.sgd(...).minimize, kD D steps then kG G steps on new batches of
// 150 from 12,000-row atlases, and the epoch's losses read back (as GAN Lab reads them to show them).
//
// With --what frame it times one visualisation frame instead, as GAN Lab draws one: D on the 900 heatmap cells
// (6 batches of 150), G on the 441 manifold corners (3 batches, padded), G and D at the 150 fixed fakes with
// dD/dx by tf.grad, and KL and JS on the 30x30 grid from the 450 displayed real samples and those 150 fakes.
//
//   node ganlab-tfjs.js --backend wasm|cpu --model default|ring [--what epoch|frame] [--seconds 10] [--warmup 3]
//
// prints one JSON line: {"peer", "tfjs", "backend", "model", "what", "epochs" (or "frames"), "seconds",
// "epochsPerSecond" (or "framesPerSecond"), "usPerEpoch" (or "usPerFrame"), "node", "finalDLoss", "finalGLoss"}.
'use strict';
const tf = require('@tensorflow/tfjs');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
const backend = args.backend || 'wasm';
const modelName = args.model || 'default';
const what = args.what || 'epoch';
const seconds = Number(args.seconds || 10);
const warmup = Number(args.warmup || 3);

// the built-in default and the ring preset (spec 2.c, 2.k): L extra layers of N, lr, k
const MODELS = {
  default: {gL: 1, gN: 8, dL: 1, dN: 8, dLR: 0.1, gLR: 0.1, kD: 2, kG: 1, ring: false},
  ring: {gL: 1, gN: 10, dL: 2, dN: 9, dLR: 0.1, gLR: 0.03, kD: 3, kG: 1, ring: true},
};
const m = MODELS[modelName];
if (!m) {
  throw new Error('--model must be default or ring, got ' + modelName);
}
const BATCH = 150;
const ATLAS = 12000;

// a seeded generator (mulberry32), so that every run draws the same data and weights
let state = 20261207;
function random() {
  state = (state + 0x6D2B79F5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function normal() {
  const u = random();
  const v = random();
  return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * (1 - v));
}

function realAtlas() {
  const out = new Float32Array(2 * ATLAS);
  for (let i = 0; i < ATLAS; i++) {
    const r = random();
    if (m.ring) {
      const theta = 2 * Math.PI * r;
      out[2 * i] = 0.5 + 0.3 * Math.cos(theta) + 0.025 * normal();
      out[2 * i + 1] = 0.45 + 0.25 * Math.sin(theta) + 0.025 * normal();
    } else {   // the two hills, the dataset the built-in defaults were shown with
      const a = normal();
      const b = normal();
      out[2 * i] = r < 0.5 ? 0.3 + 0.1 * a : 0.7 + 0.05 * a;
      out[2 * i + 1] = r < 0.5 ? 0.7 + 0.1 * b : 0.4 + 0.2 * b;
    }
  }
  return out;
}

function noiseAtlas() {
  const out = new Float32Array(2 * ATLAS);
  for (let i = 0; i < out.length; i++) {
    out[i] = random();
  }
  return out;
}

// weights: plain normals, σ = 1/√2 for the first layer and 1/√N after it; biases 0 (spec 2.c)
function layers(prefix, inputs, L, N, outputs) {
  const sizes = [inputs];
  for (let l = 0; l <= L; l++) {
    sizes.push(N);
  }
  sizes.push(outputs);
  const vars = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const sigma = l === 0 ? 1 / Math.sqrt(2) : 1 / Math.sqrt(N);
    const w = new Float32Array(sizes[l] * sizes[l + 1]);
    for (let i = 0; i < w.length; i++) {
      w[i] = sigma * normal();
    }
    vars.push(tf.variable(tf.tensor2d(w, [sizes[l], sizes[l + 1]]), true, prefix + 'w' + l));
    vars.push(tf.variable(tf.zeros([sizes[l + 1]]), true, prefix + 'b' + l));
  }
  return vars;
}

function forward(x, vars, last) {
  let h = x;
  for (let i = 0; i < vars.length; i += 2) {
    h = h.matMul(vars[i]).add(vars[i + 1]);
    h = i + 2 < vars.length ? h.relu() : last(h);
  }
  return h;
}

async function main() {
  if (backend === 'wasm') {
    // registers the backend; one thread, as the JMH side runs on one
    const wasm = require('@tensorflow/tfjs-backend-wasm');
    if (wasm.setThreadsCount) {
      wasm.setThreadsCount(1);
    }
  } else if (backend !== 'cpu') {
    throw new Error('--backend must be wasm or cpu, got ' + backend);
  }
  await tf.setBackend(backend);
  await tf.ready();
  const real = tf.tensor2d(realAtlas(), [ATLAS, 2]);
  const noise = tf.tensor2d(noiseAtlas(), [ATLAS, 2]);
  const g = layers('g', 2, m.gL, m.gN, 2);
  const d = layers('d', 2, m.dL, m.dN, 1);
  const dOpt = tf.train.sgd(m.dLR);
  const gOpt = tf.train.sgd(m.gLR);
  let realRow = 0;
  let noiseRow = 0;
  const slice = (atlas, row) => atlas.slice([row, 0], [BATCH, 2]);
  const G = (z) => forward(z, g, (h) => h.tanh());
  const D = (x) => forward(x, d, (h) => h.sigmoid()).reshape([BATCH]);

  function epoch() {
    let dCost;
    let gCost;
    for (let k = 0; k < m.kD; k++) {
      const x = slice(real, realRow);
      const z = slice(noise, noiseRow);
      realRow = (realRow + BATCH) % ATLAS;
      noiseRow = (noiseRow + BATCH) % ATLAS;
      if (dCost) {
        dCost.dispose();
      }
      dCost = dOpt.minimize(() => {
        const realTerm = D(x).log().mul(0.95).mean();
        const fakeTerm = tf.sub(1, D(G(z))).log().mean();
        return realTerm.add(fakeTerm).neg();
      }, true, d);
      x.dispose();
      z.dispose();
    }
    for (let k = 0; k < m.kG; k++) {
      const z = slice(noise, noiseRow);
      noiseRow = (noiseRow + BATCH) % ATLAS;
      if (gCost) {
        gCost.dispose();
      }
      gCost = gOpt.minimize(() => D(G(z)).log().mean().neg(), true, g);
      z.dispose();
    }
    const losses = [dCost.dataSync()[0], gCost.dataSync()[0]];
    dCost.dispose();
    gCost.dispose();
    return losses;
  }

  const realShown = real.slice([0, 0], [450, 2]).dataSync();
  const fixedNoise = slice(noise, 0);
  const cells = [];
  for (let i = 0; i < 900; i++) {                 // cell centres, 30 x 30
    cells.push((i % 30 + 0.5) / 30, (Math.floor(i / 30) + 0.5) / 30);
  }
  const corners = [];
  for (let i = 0; i < 450; i++) {                 // 441 corners padded with (0.5, 0.5) to 3 batches
    corners.push(i < 441 ? Math.floor(i / 21) / 20 : 0.5, i < 441 ? (i % 21) / 20 : 0.5);
  }
  const cellBatches = [];
  for (let b = 0; b < 6; b++) {
    cellBatches.push(tf.tensor2d(cells.slice(300 * b, 300 * (b + 1)), [BATCH, 2]));
  }
  const cornerBatches = [];
  for (let b = 0; b < 3; b++) {
    cornerBatches.push(tf.tensor2d(corners.slice(300 * b, 300 * (b + 1)), [BATCH, 2]));
  }
  const gradD = tf.grad((x) => D(x).sum());

  function histogram(xy, n, weight) {
    const h = new Float64Array(900);
    for (let i = 0; i < n; i++) {
      const c = Math.trunc(30 * xy[2 * i]) + 30 * Math.trunc(30 * xy[2 * i + 1]);
      if (c >= 0 && c < 900) {
        h[c] += weight;
      }
    }
    return h;
  }

  function read(fn) {                             // the values of fn's tensor, leaving no tensor behind
    const t = tf.tidy(fn);
    const values = t.dataSync();
    t.dispose();
    return values;
  }

  function frame() {
    const heat = cellBatches.map((b) => read(() => D(b)));
    const manifold = cornerBatches.map((b) => read(() => G(b)));
    const fakes = tf.tidy(() => G(fixedNoise));
    const fakeD = read(() => D(fakes));
    const grad = read(() => gradD(fakes));
    const fakeXY = fakes.dataSync();
    fakes.dispose();
    const p = histogram(realShown, 450, 1 / 450);
    const q = histogram(fakeXY, 150, 1 / 150);
    let kl = 0;
    let js = 0;
    for (let c = 0; c < 900; c++) {
      const m = (p[c] + q[c]) / 2;
      kl += (p[c] + 1e-4) * Math.log2((p[c] + 1e-4) / (q[c] + 1e-4));
      js += 0.5 * ((p[c] + 1e-4) * Math.log2((p[c] + 1e-4) / (m + 1e-4))
          + (q[c] + 1e-4) * Math.log2((q[c] + 1e-4) / (m + 1e-4)));
    }
    return [heat[0][0] + manifold[0][0] + fakeD[0] + grad[0], kl + js];
  }

  if (what === 'frame') {
    for (let e = 0; e < 100; e++) {               // a partly trained model, as when a frame is drawn
      epoch();
    }
  } else if (what !== 'epoch') {
    throw new Error('--what must be epoch or frame, got ' + what);
  }
  const unit = what === 'frame' ? frame : epoch;
  const warmEnd = Date.now() + warmup * 1000;
  while (Date.now() < warmEnd) {
    unit();
  }
  let epochs = 0;
  let last = [NaN, NaN];
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    last = unit();
    epochs++;
    now = process.hrtime.bigint();
  }
  const took = Number(now - start) / 1e9;
  const result = {peer: 'tfjs-' + backend, tfjs: tf.version.tfjs, backend: tf.getBackend(), model: modelName, what};
  if (what === 'frame') {
    Object.assign(result, {frames: epochs, seconds: took, framesPerSecond: epochs / took, usPerFrame: 1e6 * took / epochs,
      checksum: last[0], klPlusJs: last[1]});
  } else {
    Object.assign(result, {epochs, seconds: took, epochsPerSecond: epochs / took, usPerEpoch: 1e6 * took / epochs,
      finalDLoss: last[0], finalGLoss: last[1]});
  }
  result.node = process.version;
  result.tensorsAlive = tf.memory().numTensors;
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
