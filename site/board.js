// Loopback Lab — the teacher's room board. Reads the board's event stream: one "state" event with
// the whole room, then a "change" per stored change. Every cell says its state in words; colour
// only repeats it.
"use strict";

(function () {
  const rows = document.querySelector("[data-board-rows]");
  if (!rows) { return; }
  const statusLine = document.querySelector("[data-board-status]");
  const numbers = document.querySelector("[data-board-numbers]");
  const checks = Array.from(document.querySelectorAll("th[data-board-check]"))
    .map(function (th) { return th.getAttribute("data-board-check"); });
  let learners = new Map();
  let clockSkew = 0;

  function apply(change) {
    if (change.type === "clear") { learners = new Map(); return; }
    if (change.type === "join") {
      learners.set(change.learner, {
        id: change.learner, nickname: change.nickname, os: change.os, flag: "none",
        left: false, checks: {}, numbers: {}, stuckSinceMillis: 0
      });
      return;
    }
    const l = learners.get(change.learner);
    if (!l) { return; }
    if (change.type === "leave") { l.left = true; l.stuckSinceMillis = 0; }
    if (change.type === "flag") { l.flag = change.flag; }
    if (change.type === "verdict") {
      l.os = change.os || l.os;
      if (change.numbers && Object.keys(change.numbers).length) { l.numbers[change.experiment] = change.numbers; }
      if (change.passed !== null && change.passed !== undefined) {
        const before = l.checks[change.experiment];
        l.checks[change.experiment] = {
          passed: change.passed, atMillis: change.atMillis, attempts: before ? before.attempts + 1 : 1
        };
      }
    }
    if (change.type === "flag" || change.type === "verdict") {
      const stuck = l.flag === "help" ||
        Object.values(l.checks).some(function (c) { return !c.passed; });
      l.stuckSinceMillis = !stuck ? 0 : (l.stuckSinceMillis || change.atMillis);
    }
  }

  function minutes(ms) {
    if (ms < 60000) { return Math.max(0, Math.round(ms / 1000)) + " s"; }
    return Math.round(ms / 60000) + " min";
  }

  function render() {
    const now = Date.now() + clockSkew;
    const body = document.createDocumentFragment();
    const passed = {};
    checks.forEach(function (c) { passed[c] = 0; });
    learners.forEach(function (l) {
      const tr = document.createElement("tr");
      tr.className = (l.left ? "left " : "") + "flag-" + l.flag;
      const name = document.createElement("th");
      name.scope = "row";
      name.textContent = l.nickname + (l.left ? " (left)" : "");
      const os = document.createElement("td");
      os.textContent = l.os;
      const flag = document.createElement("td");
      flag.textContent = l.flag === "help" ? "⚑ help" : l.flag === "done" ? "★ done" : "";
      const stuck = document.createElement("td");
      stuck.textContent = l.stuckSinceMillis ? minutes(now - l.stuckSinceMillis) : "";
      tr.append(name, os, flag, stuck);
      checks.forEach(function (c) {
        const cell = document.createElement("td");
        const v = l.checks[c];
        if (!v) { cell.textContent = "· not yet"; cell.className = "cell-none"; }
        else if (v.passed) { cell.textContent = "✓ passed"; cell.className = "cell-pass"; passed[c]++; }
        else { cell.textContent = "✗ failed (" + v.attempts + ")"; cell.className = "cell-fail"; }
        tr.append(cell);
      });
      body.append(tr);
    });
    rows.replaceChildren(body);
    document.querySelectorAll("[data-passed]").forEach(function (td) {
      td.textContent = String(passed[td.getAttribute("data-passed")] || 0);
    });
    renderNumbers();
  }

  function table(caption, head, bodyRows) {
    const t = document.createElement("table");
    const cap = document.createElement("caption");
    cap.textContent = caption;
    const thead = document.createElement("thead");
    const hr = document.createElement("tr");
    head.forEach(function (h) { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; hr.append(th); });
    thead.append(hr);
    const tbody = document.createElement("tbody");
    bodyRows.forEach(function (r) {
      const tr = document.createElement("tr");
      r.forEach(function (v, i) {
        const cell = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) { cell.scope = "row"; }
        if (v instanceof Node) { cell.append(v); } else { cell.textContent = v; }
        tr.append(cell);
      });
      tbody.append(tr);
    });
    t.append(cap, thead, tbody);
    return t;
  }

  function countBy(key) {
    const counts = new Map();
    learners.forEach(function (l) {
      const k = key(l);
      if (k !== null && k !== undefined) { counts.set(k, (counts.get(k) || 0) + 1); }
    });
    return counts;
  }

  function bar(value, max) {
    const p = document.createElement("progress");
    p.max = max; p.value = value;
    p.textContent = value + " of " + max;
    const wrap = document.createElement("span");
    wrap.append(p, " " + value);
    return wrap;
  }

  function renderNumbers() {
    const parts = [];
    const os = countBy(function (l) { return l.os; });
    parts.push(table("The room's operating systems", ["OS", "learners"],
      Array.from(os.entries()).map(function (e) { return [e[0], bar(e[1], learners.size)]; })));
    // Echo round-trip medians: a histogram with bounds that read at a glance.
    const bounds = [5, 10, 20, 50, 100, 200, 500];
    const buckets = new Array(bounds.length + 1).fill(0);
    let measured = 0;
    learners.forEach(function (l) {
      const n = l.numbers["echo-rtt"];
      const v = n ? parseFloat(String(n["tcp-p50-us"]).replace(/,/g, "")) : NaN;
      if (!isNaN(v)) {
        measured++;
        let i = bounds.findIndex(function (b) { return v < b; });
        buckets[i < 0 ? bounds.length : i]++;
      }
    });
    if (measured) {
      parts.push(table("echo-rtt: TCP round-trip median of each machine (µs)", ["µs", "machines"],
        buckets.map(function (count, i) {
          const label = i === 0 ? "under " + bounds[0] : i === bounds.length ? bounds[i - 1] + " or more"
            : bounds[i - 1] + "–" + bounds[i];
          return [label, bar(count, measured)];
        })));
    }
    [["ephemeral-range", "range", "ephemeral-range: the OS's ephemeral range"],
     ["localhost-resolve", "localhost-first", "localhost-resolve: what localhost is first"],
     ["port-privileged", "low-port-result", "port-privileged: binding the lowest free port below 1024"]]
      .forEach(function (spec) {
        const counts = countBy(function (l) {
          const n = l.numbers[spec[0]];
          return n && n[spec[1]] ? l.os + ": " + n[spec[1]] : null;
        });
        if (counts.size) {
          parts.push(table(spec[2] + ", by OS", ["OS: answer", "machines"],
            Array.from(counts.entries()).map(function (e) { return [e[0], bar(e[1], learners.size)]; })));
        }
      });
    numbers.replaceChildren.apply(numbers, parts);
  }

  function connect() {
    const source = new EventSource("/room/board/events");
    source.addEventListener("state", function (event) {
      const state = JSON.parse(event.data);
      clockSkew = state.now - Date.now();
      learners = new Map();
      state.learners.forEach(function (l) { learners.set(l.id, l); });
      statusLine.textContent = "Live: " + learners.size + (learners.size === 1 ? " learner." : " learners.");
      render();
    });
    source.addEventListener("change", function (event) {
      apply(JSON.parse(event.data));
      statusLine.textContent = "Live: " + learners.size + (learners.size === 1 ? " learner." : " learners.");
      scheduleRender();
    });
    source.onerror = function () { statusLine.textContent = "Reconnecting to the board's stream…"; };
  }

  // Many changes can arrive in a burst: draw at most once per animation frame.
  let pending = false;
  function scheduleRender() {
    if (pending) { return; }
    pending = true;
    requestAnimationFrame(function () { pending = false; render(); });
  }

  document.querySelector("[data-board-clear]").addEventListener("click", function () {
    if (!window.confirm("Clear the room? Every learner and verdict goes, and a new join link replaces the old one.")) { return; }
    fetch("/room/board/clear", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })
      .then(function () { window.location.reload(); });
  });

  connect();
  setInterval(render, 15000); // "stuck for" keeps counting between changes
})();
