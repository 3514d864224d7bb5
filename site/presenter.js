// Loopback Lab — the presenter view, the speaker window and their pacing timer. Loaded by the
// teaching pages only; no inline script (the CSP forbids it), no library. The two windows share one
// state in localStorage (step, when the lesson and the step started) and tell each other at once
// through a BroadcastChannel; a "storage" event is the fallback where that channel is missing.
"use strict";

(function () {
  // The learner handout: each experiment shows the last run this browser kept (lab.js keeps it).
  document.querySelectorAll("[data-handout-panel]").forEach(function (panel) {
    let kept = null;
    try {
      kept = JSON.parse(localStorage.getItem("loopback-lab.last-run.v1." + panel.getAttribute("data-handout-panel")) || "null");
    } catch (e) { kept = null; }
    const box = panel.querySelector(".handout-result");
    if (!box || !kept || typeof kept.html !== "string" || !kept.at) return;
    const label = document.createElement("p");
    label.className = "write-label";
    label.textContent = "Your last run, " + new Date(kept.at).toLocaleString() + ":";
    const results = document.createElement("div");
    results.className = "results";
    results.innerHTML = kept.html;
    box.append(label, results);
    box.hidden = false;
  });
})();

(function () {
  const bar = document.querySelector(".present-bar");
  if (!bar) return;
  const lesson = bar.getAttribute("data-lesson");
  const stepCount = parseInt(bar.getAttribute("data-steps"), 10) || 1;
  const lessonMinutes = parseInt(bar.getAttribute("data-lesson-minutes"), 10) || 0;
  const KEY = "loopback-lab.present." + lesson;
  const isSpeaker = document.body.classList.contains("speaker");
  // Rehearsal: ?rehearse=N runs the clock N times faster (a minute lasts 60/N seconds), to try a
  // plan out, and for the browser tests.
  const rehearse = Math.min(600, Math.max(1, parseInt(new URLSearchParams(location.search).get("rehearse"), 10) || 1));
  const MINUTE = 60000 / rehearse;
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(KEY) : null;

  const presentSteps = Array.prototype.slice.call(document.querySelectorAll(".present-step"));
  const speakerSteps = Array.prototype.slice.call(document.querySelectorAll(".speaker-step"));
  const minutes = presentSteps.length > 0
    ? presentSteps.map(function (s) { return parseInt(s.getAttribute("data-minutes"), 10) || 0; })
    : speakerSteps.map(function (s) { return parseInt(s.getAttribute("data-minutes"), 10) || 0; });
  const titles = presentSteps.map(function (s) { return s.getAttribute("data-title"); });

  function load() {
    try {
      const s = JSON.parse(localStorage.getItem(KEY) || "null");
      if (s && typeof s.step === "number" && typeof s.lessonStart === "number") return s;
    } catch (e) { /* unreadable: start afresh */ }
    return null;
  }
  let state = load();
  if (!state || (!isSpeaker && Date.now() - state.lessonStart > 4 * lessonMinutes * MINUTE + 3600000)) {
    state = { step: 0, lessonStart: Date.now(), stepStart: Date.now() };
    save(false);
  }

  function save(tell) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode */ }
    if (tell && channel) channel.postMessage(state);
  }

  function go(step, focus) {
    step = Math.max(0, Math.min(stepCount - 1, step));
    if (step !== state.step) {
      state = { step: step, lessonStart: state.lessonStart, stepStart: Date.now() };
      save(true);
      publish();
    }
    show(focus);
  }

  // The room follows the teacher: tell this lab which step is shown (it answers only the teacher's
  // own machine). Learners follow through their own labs; nothing here reads from them.
  function publish() {
    if (!window.fetch) return;
    fetch("/api/present/step", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ lesson: lesson, step: state.step })
    }).catch(function () { /* the lab is gone: the presenter still works */ });
  }

  function show(focus) {
    const step = state.step;
    presentSteps.forEach(function (s, i) { s.hidden = i !== step; });
    speakerSteps.forEach(function (s, i) {
      s.hidden = i !== step && i !== step + 1;
      s.classList.toggle("is-now", i === step);
      s.classList.toggle("is-next", i === step + 1);
      const label = s.querySelector(".speaker-label");
      if (label) label.textContent = i === step ? "Now" : "Next";
    });
    document.querySelectorAll(".step-number").forEach(function (el) { el.textContent = String(step + 1); });
    document.querySelectorAll(".step-prev").forEach(function (b) { b.disabled = step === 0; });
    document.querySelectorAll(".step-next").forEach(function (b) { b.disabled = step === stepCount - 1; });
    document.querySelectorAll(".pace-step-plan").forEach(function (el) {
      el.textContent = minutes[step] ? " of " + minutes[step] + " min" : " (step not timed)";
    });
    const current = presentSteps[step] || speakerSteps[step];
    if (current) {
      const title = current.getAttribute("data-title") || (current.querySelector("h2") || {}).textContent || "";
      document.querySelectorAll(".step-announce").forEach(function (el) {
        el.textContent = "Step " + (step + 1) + " of " + stepCount + ": " + title;
      });
      if (focus) {
        const heading = current.querySelector("h2");
        if (heading) heading.focus({ preventScroll: false });
      }
    }
    presentSteps.forEach(setUpQuestions);
    figures.step(current);
    tick();
  }

  // The room's numbers, for a step that runs an experiment the room collects, while a room is
  // open: asked of this lab every 2 s; tables in words and numbers, bars only repeat them.
  const figures = (function () {
    const box = document.querySelector(".room-figures");
    const out = box && box.querySelector("[data-room-figures]");
    const status = box && box.querySelector(".room-figures-status");
    let wanted = [];
    let timer = null;
    function table(t) {
      const el = document.createElement("table");
      el.className = "room-figure";
      const caption = document.createElement("caption");
      caption.textContent = t.caption + " (" + t.machines + (t.machines === 1 ? " machine)" : " machines)");
      const body = document.createElement("tbody");
      const most = Math.max.apply(null, t.rows.map(function (r) { return r.machines; }).concat([1]));
      t.rows.forEach(function (r) {
        const tr = document.createElement("tr");
        const th = document.createElement("th");
        th.scope = "row";
        th.textContent = r.label;
        const td = document.createElement("td");
        const bar = document.createElement("span");
        bar.className = "figure-bar";
        bar.setAttribute("aria-hidden", "true");
        bar.style.width = Math.round(100 * r.machines / most) + "%";
        bar.hidden = r.machines === 0;
        const count = document.createElement("span");
        count.className = "figure-count";
        count.textContent = r.machines + " of " + t.machines;
        const track = document.createElement("span");
        track.className = "figure-track";
        track.append(bar);
        td.append(track, count);
        tr.append(th, td);
        body.append(tr);
      });
      el.append(caption, body);
      return el;
    }
    function draw(data) {
      if (!data || !data.open) { box.hidden = true; return; }
      const tables = data.tables.filter(function (t) {
        return (t.experiment === "os" || wanted.indexOf(t.experiment) >= 0) && t.rows.length > 0;
      });
      const measured = tables.some(function (t) { return t.experiment !== "os"; });
      status.textContent = data.learners + (data.learners === 1 ? " learner" : " learners") +
        " in the room" + (measured ? "; live." : "; no machine has sent this step's numbers yet.");
      out.replaceChildren.apply(out, tables.map(table));
      box.hidden = false;
    }
    function ask() {
      fetch("/api/present/room", { cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (wanted.length) draw(data); })
        .catch(function () { /* the lab is gone: keep what is shown */ });
    }
    return {
      step: function (el) {
        if (!box || !window.fetch) return;
        const ids = ((el && el.getAttribute("data-room-experiments")) || "").split(" ").filter(Boolean);
        if (ids.join(" ") === wanted.join(" ")) return;
        wanted = ids;
        clearInterval(timer);
        timer = null;
        if (!ids.length) { box.hidden = true; return; }
        ask();
        timer = setInterval(ask, 2000);
      }
    };
  })();

  function clock(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const m = Math.floor(s / 60);
    return m + ":" + String(s % 60).padStart(2, "0");
  }

  // on pace / behind / over, from the planned minutes of the steps so far
  function pace(now) {
    const total = now - state.lessonStart;
    const inStep = now - state.stepStart;
    let plannedEnd = 0;
    for (let i = 0; i <= state.step; i++) plannedEnd += minutes[i] || 0;
    if (lessonMinutes > 0 && total > lessonMinutes * MINUTE) return "over";
    const budget = minutes[state.step] || 0;
    if (budget > 0 && (inStep > budget * MINUTE || total > plannedEnd * MINUTE)) return "behind";
    return "on-pace";
  }
  const WORDS = { "on-pace": "on pace", behind: "behind", over: "over time" };

  function tick() {
    const now = Date.now();
    // shown in real minutes:seconds, scaled when rehearsing so the numbers match the plan
    document.querySelectorAll(".pace-step-time").forEach(function (el) { el.textContent = clock((now - state.stepStart) * rehearse); });
    document.querySelectorAll(".pace-total-time").forEach(function (el) { el.textContent = clock((now - state.lessonStart) * rehearse); });
    const p = pace(now);
    document.querySelectorAll(".pace-state").forEach(function (el) {
      if (el.getAttribute("data-state") !== p) {
        el.setAttribute("data-state", p);
        el.textContent = WORDS[p];
      }
    });
  }

  // Questions for the room: one at a time; each answer stays closed until the teacher opens it.
  function setUpQuestions(step) {
    const box = step.querySelector(".present-questions");
    if (!box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "yes");
    const items = Array.prototype.slice.call(box.querySelectorAll(".question"));
    const next = box.querySelector(".next-question");
    let shown = 1;
    function update() {
      items.forEach(function (q, i) { q.hidden = i >= shown; });
      next.hidden = shown >= items.length;
    }
    next.addEventListener("click", function () {
      shown++;
      update();
      const summary = items[shown - 1] && items[shown - 1].querySelector("summary");
      if (summary) summary.focus();
    });
    update();
  }

  document.querySelectorAll(".step-prev").forEach(function (b) { b.addEventListener("click", function () { go(state.step - 1, true); }); });
  document.querySelectorAll(".step-next").forEach(function (b) { b.addEventListener("click", function () { go(state.step + 1, true); }); });
  document.querySelectorAll(".pace-restart").forEach(function (b) {
    b.addEventListener("click", function () {
      state = { step: state.step, lessonStart: Date.now(), stepStart: Date.now() };
      save(true);
      tick();
    });
  });

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const t = e.target;
    // in a form field or on a control, keys do what they always do
    if (t && t.closest && t.closest("input, textarea, select, button, summary, [contenteditable], form")) return;
    let to = null;
    if (e.key === "ArrowRight" || e.key === "PageDown") to = state.step + 1;
    else if (e.key === "ArrowLeft" || e.key === "PageUp") to = state.step - 1;
    else if (e.key === "Home") to = 0;
    else if (e.key === "End") to = stepCount - 1;
    if (to === null) return;
    e.preventDefault();
    go(to, true);
  });

  function follow(next) {
    if (!next || typeof next.step !== "number") return;
    state = next;
    show(false);
  }
  if (channel) channel.onmessage = function (e) { follow(e.data); };
  window.addEventListener("storage", function (e) {
    if (e.key === KEY && e.newValue) {
      try { follow(JSON.parse(e.newValue)); } catch (err) { /* ignore */ }
    }
  });

  document.documentElement.classList.add("presenting");
  show(false);
  if (!isSpeaker) publish();
  setInterval(tick, 250);
})();
