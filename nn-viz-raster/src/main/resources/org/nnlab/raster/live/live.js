// nnlab live: what every page shares. It computes nothing: it shows the frames the Java server draws, passes
// each frame's numbers to the page's own script, and sends the page's controls, showing the server's answer
// to a bad one in the error bar.
"use strict";

const $ = (id) => document.getElementById(id);
// for measurements (the browser tests): frames drawn, and the numbers of the frame on screen
window.nnlab = {framesShown: 0, shownState: null, shownHash: ""};

const live = {
  state: null,         // the newest frame's numbers
  shown: 0,            // the frame version on screen
  wanted: 0,
  loading: false,

  /** Sends one control; the answer (204, or 400 and the reason) goes to the error bar. */
  async post(fields) {
    const body = new URLSearchParams(fields).toString();
    try {
      const answer = await fetch("control", {method: "POST", body,
        headers: {"Content-Type": "application/x-www-form-urlencoded"}});
      live.showError(answer.ok ? "" : ((await answer.text()).trim() || ("HTTP " + answer.status)));
      return answer.ok;
    } catch (e) {
      live.showError("The server does not answer: is the program still running? (" + e.message + ")");
      return false;
    }
  },

  showError(message) {
    const bar = $("error");
    bar.textContent = message;
    bar.hidden = !message;
  },

  /** The newest frame's picture into #frame, one request at a time: a slow network skips frames. */
  showFrame(version) {
    live.wanted = Math.max(live.wanted, version);
    if (live.loading || live.wanted <= live.shown) return;
    live.loading = true;
    const img = $("frame");
    const next = live.wanted;
    const state = live.state;
    img.onload = img.onerror = () => {
      live.loading = false;
      live.shown = next;
      window.nnlab.framesShown++;
      window.nnlab.shownState = state;
      window.nnlab.shownHash = state && state.hash ? state.hash : "";
      if (live.wanted > live.shown) live.showFrame(live.wanted);
    };
    img.src = "frame.png?v=" + next;
  },

  /**
   * Follows the server: the first state, then one event per frame; render(state) updates the page's controls
   * before the picture loads. Returns the first state.
   */
  async connect(render) {
    const onFrame = (data) => {
      const message = JSON.parse(data);
      if (!message.version) return;
      live.state = message.state;
      render(live.state);
      live.showFrame(message.version);
      for (const [name, version] of Object.entries(message.parts || {})) {     // pictures that change less often
        const img = document.querySelector("img[data-part=" + name + "]");
        if (img && img.dataset.version !== String(version)) {
          img.dataset.version = String(version);
          img.src = name + ".png?v=" + version;
        }
      }
    };
    const first = await (await fetch("state")).json();
    if (first.version) onFrame(JSON.stringify(first));
    const events = new EventSource("events");
    events.addEventListener("frame", (e) => onFrame(e.data));
    events.onerror = () => live.showError(events.readyState === EventSource.CLOSED
        ? "The server has closed this page." : "");
    return first.state;
  },

  /** A <select>'s options, [value, label] pairs, replaced only when they differ (an open menu stays open). */
  options(select, pairs) {
    const key = pairs.map((p) => p.join("=")).join("|");
    if (select.dataset.options === key) return;
    select.dataset.options = key;
    select.replaceChildren(...pairs.map(([value, label]) => {
      const o = document.createElement("option");
      o.value = value;
      o.textContent = label;
      return o;
    }));
  },

  /** Sets a control's value unless the user is on it. */
  set(el, value) {
    if (document.activeElement === el) return;
    if (el.type === "checkbox") {
      if (el.checked !== value) el.checked = value;
      return;
    }
    const text = String(value);
    if (el.tagName === "SELECT" && ![...el.options].some((o) => o.value === text)) {
      const o = document.createElement("option");          // a value set by a program, not on the menu
      o.value = o.textContent = text;
      el.append(o);
    }
    if (el.value !== text) el.value = text;
  },

  /**
   * Sets an element's text, and a control's value, only when they change: a page redrawn 30 times a second would
   * otherwise make the browser lay it out anew with every frame.
   */
  text(el, text) {
    if (el.textContent !== text) el.textContent = text;
  },

  number(x, digits) {
    return x === null || x === undefined ? "NaN" : x.toFixed(digits);
  },
};
