// GAN Lab's model (spec ganlab.md 2.a-2.f) restated on TensorFlow.js, to time one training epoch as a user who
// picked TensorFlow.js would run it: G and D as tf.variables, log loss with the 0.95 factor and the
// non-saturating G loss, SGD through tf.train.sgd(...).minimize, kD D steps then kG G steps on new batches of
// 150 from 12,000-row atlases, and the epoch's losses read back (as GAN Lab reads them to show them).
//
//   node ganlab-tfjs.js --backend wasm|cpu --model default|ring [--seconds 10] [--warmup 3]
//
// prints one JSON line: {"peer", "tfjs", "backend", "model", "epochs", "seconds", "epochsPerSecond",
// "usPerEpoch", "node", "finalDLoss", "finalGLoss"}.
'use strict';
const tf = require('@tensorflow/tfjs');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
const backend = args.backend || 'wasm';
const modelName = args.model || 'default';
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

  const warmEnd = Date.now() + warmup * 1000;
  while (Date.now() < warmEnd) {
    epoch();
  }
  let epochs = 0;
  let last = [NaN, NaN];
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    last = epoch();
    epochs++;
    now = process.hrtime.bigint();
  }
  const took = Number(now - start) / 1e9;
  console.log(JSON.stringify({
    peer: 'tfjs-' + backend, tfjs: tf.version.tfjs, backend: tf.getBackend(), model: modelName, epochs,
    seconds: took, epochsPerSecond: epochs / took, usPerEpoch: 1e6 * took / epochs, node: process.version,
    finalDLoss: last[0], finalGLoss: last[1], tensorsAlive: tf.memory().numTensors,
  }));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
