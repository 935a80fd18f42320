// TensorFlow Playground's engine (src/nn.ts at commit bd89e3a) and its training loop (oneStep in
// src/playground.ts), restated from nnlab's spec (spec/playground.md, sections 4 and 5) for the benchmark
// peer harness: the same object graph (a Node per neuron, a Link per weight, each with its own accumulators
// and counts), the same arithmetic in the same order, run by Node. nnlab's PlaygroundPeerConfig writes the
// configurations, with nnlab's weights after a few epochs; this script first trains a copy that long and
// refuses to time anything unless its weights equal nnlab's bit for bit.
//
//   node playground-nn.js --config playground-peer.json --name default [--seconds 10] [--warmup 3]
//
// prints one JSON line: {"peer": "playground-nn", "model": ..., "what": "epoch", "usPerEpoch": ..., ...}
'use strict';

const fs = require('fs');

const ACTIVATIONS = {
  tanh: {output: x => Math.tanh(x), der: x => { const o = Math.tanh(x); return 1 - o * o; }},
  relu: {output: x => Math.max(0, x), der: x => x <= 0 ? 0 : 1},
  sigmoid: {
    output: x => 1 / (1 + Math.exp(-x)),
    der: x => { const o = 1 / (1 + Math.exp(-x)); return o * (1 - o); },
  },
  linear: {output: x => x, der: x => 1},
};

const REGULARIZATIONS = {
  NONE: null,
  L1: {der: w => w < 0 ? -1 : (w > 0 ? 1 : 0)},
  L2: {der: w => w},
};

// spec 4: the seven features in their order, by URL id; the enabled ones make the input vector, rebuilt as a new
// array for every example (constructInput walks INPUTS and asks the state which are on)
const INPUTS = {
  x: {f: (x, y) => x},
  y: {f: (x, y) => y},
  xSquared: {f: (x, y) => x * x},
  ySquared: {f: (x, y) => y * y},
  xTimesY: {f: (x, y) => x * y},
  sinX: {f: (x, y) => Math.sin(x)},
  sinY: {f: (x, y) => Math.sin(y)},
};

function constructInput(state, x, y) {
  const input = [];
  for (const inputName in INPUTS) {
    if (state[inputName]) {
      input.push(INPUTS[inputName].f(x, y));
    }
  }
  return input;
}

class Node {
  constructor(id, activation) {
    this.id = id;
    this.inputLinks = [];
    this.bias = 0.1;
    this.outputs = [];
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;
    this.inputDer = 0;
    this.accInputDer = 0;
    this.numAccumulatedDers = 0;
    this.activation = activation;
  }

  // spec 5.5: the total starts at the bias, then + w·a link by link
  updateOutput() {
    this.totalInput = this.bias;
    for (let j = 0; j < this.inputLinks.length; j++) {
      const link = this.inputLinks[j];
      this.totalInput += link.weight * link.source.output;
    }
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

class Link {
  constructor(source, dest, weight, regularization) {
    this.id = source.id + '-' + dest.id;
    this.source = source;
    this.dest = dest;
    this.weight = weight;
    this.isDead = false;
    this.errorDer = 0;
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
    this.regularization = regularization;
  }
}

// spec 5.1, 5.2: layers fully connected in order; the weights come from the configuration (Playground draws
// them from its seeded Math.random in this same order)
function buildNetwork(sizes, activation, outputActivation, regularization, weights, biases) {
  const network = [];
  let id = 1, w = 0, b = 0;
  for (let l = 0; l < sizes.length; l++) {
    const isOutput = l === sizes.length - 1;
    const layer = [];
    for (let i = 0; i < sizes[l]; i++) {
      const node = new Node(l === 0 ? 'in' + i : String(id++), isOutput ? outputActivation : activation);
      if (l > 0) {
        node.bias = biases[b++];
        for (const prev of network[l - 1]) {
          const link = new Link(prev, node, weights[w++], regularization);
          prev.outputs.push(link);
          node.inputLinks.push(link);
        }
      }
      layer.push(node);
    }
    network.push(layer);
  }
  return network;
}

function forwardProp(network, inputs) {
  const inputLayer = network[0];
  for (let i = 0; i < inputLayer.length; i++) {
    inputLayer[i].output = inputs[i];
  }
  for (let l = 1; l < network.length; l++) {
    const layer = network[l];
    for (let i = 0; i < layer.length; i++) {
      layer[i].updateOutput();
    }
  }
  return network[network.length - 1][0].output;
}

// spec 5.4, 5.6: square error; δz and its bias sum, then the live links' sums, then δa of the layer below
function backProp(network, target) {
  const outputNode = network[network.length - 1][0];
  outputNode.outputDer = outputNode.output - target;
  for (let l = network.length - 1; l >= 1; l--) {
    const layer = network[l];
    for (let i = 0; i < layer.length; i++) {
      const node = layer[i];
      node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    for (let i = 0; i < layer.length; i++) {
      const node = layer[i];
      for (let j = 0; j < node.inputLinks.length; j++) {
        const link = node.inputLinks[j];
        if (link.isDead) {
          continue;
        }
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) {
      continue;
    }
    const prevLayer = network[l - 1];
    for (let i = 0; i < prevLayer.length; i++) {
      const node = prevLayer[i];
      node.outputDer = 0;
      for (let j = 0; j < node.outputs.length; j++) {
        const output = node.outputs[j];
        node.outputDer += output.weight * output.dest.inputDer;
      }
    }
  }
}

// spec 5.7: biases (multiply, then divide); live links (divide, then multiply), the regularization with the
// weight before the update, and L1's dead links
function updateWeights(network, learningRate, regularizationRate) {
  for (let l = 1; l < network.length; l++) {
    const layer = network[l];
    for (let i = 0; i < layer.length; i++) {
      const node = layer[i];
      if (node.numAccumulatedDers > 0) {
        node.bias -= learningRate * node.accInputDer / node.numAccumulatedDers;
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (let j = 0; j < node.inputLinks.length; j++) {
        const link = node.inputLinks[j];
        if (link.isDead) {
          continue;
        }
        const regulDer = link.regularization ? link.regularization.der(link.weight) : 0;
        if (link.numAccumulatedDers > 0) {
          link.weight = link.weight - (learningRate / link.numAccumulatedDers) * link.accErrorDer;
          const newLinkWeight = link.weight - (learningRate * regularizationRate) * regulDer;
          if (link.regularization === REGULARIZATIONS.L1 && link.weight * newLinkWeight < 0) {
            link.weight = 0;
            link.isDead = true;
          } else {
            link.weight = newLinkWeight;
          }
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

// oneStep without the UI and the losses: every training example in order, the update after example i when
// (i + 1) % batchSize == 0, nothing flushed at the end
function epoch(network, config, state) {
  config.trainData.forEach((point, i) => {
    const input = constructInput(state, point.x, point.y);
    forwardProp(network, input);
    backProp(network, point.label);
    if ((i + 1) % config.batchSize === 0) {
      updateWeights(network, config.learningRate, config.regularizationRate);
    }
  });
}

function build(config) {
  return buildNetwork(config.sizes, ACTIVATIONS[config.activation], ACTIVATIONS[config.output],
      REGULARIZATIONS[config.regularization], config.initial.weights, config.initial.biases);
}

// the first link or bias whose value differs from nnlab's after the check epochs, or null
function mismatch(network, expected) {
  let w = 0, b = 0;
  for (let l = 1; l < network.length; l++) {
    for (const node of network[l]) {
      if (node.bias !== expected.biases[b]) {
        return 'bias of node ' + node.id + ': ' + node.bias + ' here, ' + expected.biases[b] + ' in nnlab';
      }
      b++;
      for (const link of node.inputLinks) {
        if (link.weight !== expected.weights[w]) {
          return 'weight ' + link.id + ': ' + link.weight + ' here, ' + expected.weights[w] + ' in nnlab';
        }
        w++;
      }
    }
  }
  return null;
}

function main() {
  const args = {seconds: 10, warmup: 3};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    args[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  const all = JSON.parse(fs.readFileSync(args.config, 'utf8')).configs;
  const config = all.find(c => c.name === args.name);
  if (!config) {
    console.error('playground-nn.js: no configuration named ' + args.name + ' in ' + args.config);
    process.exit(2);
  }
  const state = {};
  for (const id of config.features) {
    if (!(id in INPUTS)) {
      console.error('playground-nn.js: unknown feature ' + id);
      process.exit(2);
    }
    state[id] = true;
  }
  config.trainData = config.points.map(p => ({x: p[0], y: p[1], label: p[2]}));

  const checked = build(config);
  for (let e = 0; e < config.checkEpochs; e++) {
    epoch(checked, config, state);
  }
  const wrong = mismatch(checked, config.expected);
  if (wrong !== null) {
    console.error('playground-nn.js: after ' + config.checkEpochs + ' epochs of ' + config.name + ', ' + wrong);
    process.exit(1);
  }

  // a fresh network per second of timing, as the JMH benchmark takes a fresh session per iteration
  const time = seconds => {
    let epochs = 0, spent = 0;
    while (spent < seconds * 1e9) {
      const network = build(config);
      const start = process.hrtime.bigint();
      const end = start + BigInt(Math.round(1e9));
      let now = start;
      while (now < end) {
        epoch(network, config, state);
        epochs++;
        now = process.hrtime.bigint();
      }
      spent += Number(now - start);
    }
    return {epochs, spent};
  };
  time(Number(args.warmup));
  const {epochs, spent} = time(Number(args.seconds));
  const us = spent / 1e3 / epochs;
  console.log(JSON.stringify({
    peer: 'playground-nn', version: 'nn.ts bd89e3a, restated', backend: 'node ' + process.version,
    model: config.name, what: 'epoch', usPerEpoch: us, epochsPerSecond: 1e6 / us, epochs,
    checked: config.checkEpochs + ' epochs bit for bit against nnlab',
  }));
}

main();
