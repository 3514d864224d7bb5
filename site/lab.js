// Loopback Lab — live results in the page. Plain fetch + EventSource; no inline script (the CSP
// forbids it), no library. Progress is kept in this browser's localStorage only.
"use strict";

(function () {
  const STORE = "loopback-lab.progress.v1";
  const PATH_STORE = "loopback-lab.path.v1";
  document.documentElement.classList.add("js");

  // ---- progress kept in the browser ----
  function loadProgress() {
    try {
      const data = JSON.parse(localStorage.getItem(STORE) || "{}");
      return data && typeof data === "object" && data.done && typeof data.done === "object"
        ? data : { done: {} };
    } catch (e) {
      return { done: {} };
    }
  }
  function saveProgress(progress) {
    try { localStorage.setItem(STORE, JSON.stringify(progress)); } catch (e) { /* private mode */ }
    showProgress();
  }
  function markDone(lessonId, checkId) {
    const progress = loadProgress();
    progress.done[lessonId] = { check: checkId, at: new Date().toISOString() };
    saveProgress(progress);
  }
  function showProgress() {
    const progress = loadProgress();
    document.querySelectorAll("[data-done-for]").forEach(function (el) {
      const done = progress.done[el.getAttribute("data-done-for")];
      el.textContent = done ? "✓ done" : "";
    });
    document.querySelectorAll("[data-progress-reset]").forEach(function (button) {
      button.hidden = !progress.done[button.getAttribute("data-progress-reset")];
    });
    // The index lists the path; remember its lesson ids so lesson pages can say "2 of 7" too.
    const cards = document.querySelectorAll(".lesson-card[data-lesson]");
    let path = [];
    if (cards.length > 0) {
      cards.forEach(function (c) { path.push(c.getAttribute("data-lesson")); });
      try { localStorage.setItem(PATH_STORE, JSON.stringify(path)); } catch (e) { /* private mode */ }
    } else {
      try { path = JSON.parse(localStorage.getItem(PATH_STORE) || "[]"); } catch (e) { path = []; }
      if (!Array.isArray(path)) path = [];
    }
    if (path.length > 0) {
      const count = path.filter(function (id) { return progress.done[id]; }).length;
      const text = count + " of " + path.length + " lessons done";
      document.querySelectorAll("[data-overall-progress]").forEach(function (el) { el.textContent = text; });
      document.querySelectorAll("[data-progress-summary]").forEach(function (el) { el.textContent = text; });
    }
  }
  function say(message) {
    document.querySelectorAll("[data-progress-message]").forEach(function (el) { el.textContent = message; });
  }
  function setUpProgressTools() {
    document.querySelectorAll(".progress-tools").forEach(function (el) { el.hidden = false; });
    document.querySelectorAll("[data-progress-reset]").forEach(function (button) {
      button.addEventListener("click", function () {
        const progress = loadProgress();
        delete progress.done[button.getAttribute("data-progress-reset")];
        saveProgress(progress);
        say("This lesson is no longer marked done.");
      });
    });
    document.querySelectorAll("[data-progress-reset-all]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (window.confirm("Forget every lesson you have completed in this browser?")) {
          saveProgress({ done: {} });
          say("All progress in this browser was forgotten.");
        }
      });
    });
    document.querySelectorAll("[data-progress-export]").forEach(function (button) {
      button.addEventListener("click", function () {
        const blob = new Blob([JSON.stringify(loadProgress(), null, 2)], { type: "application/json" });
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "loopback-lab-progress.json";
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
        say("Saved loopback-lab-progress.json to your downloads.");
      });
    });
    document.querySelectorAll("[data-progress-import]").forEach(function (input) {
      input.addEventListener("change", function () {
        const file = input.files && input.files[0];
        if (!file) return;
        file.text().then(function (text) {
          const data = JSON.parse(text);
          if (!data || typeof data.done !== "object") throw new Error("not a progress file");
          const progress = loadProgress();
          let count = 0;
          Object.keys(data.done).forEach(function (k) {
            if (/^[a-z0-9-]{1,64}$/.test(k) && !/^(__proto__|constructor|prototype)$/.test(k)) {
              progress.done[k] = data.done[k];
              count++;
            }
          });
          saveProgress(progress);
          say("Imported " + count + (count === 1 ? " finished lesson." : " finished lessons."));
        }).catch(function () {
          say("That file is not a Loopback Lab progress file; nothing was changed.");
        }).finally(function () {
          input.value = "";
        });
      });
    });
  }

  // ---- sideways scrolling ----
  // A code block or table wider than the column scrolls; the keyboard must be able to reach it to
  // scroll it (WCAG 2.1.1), so it joins the tab order while, and only while, it overflows.
  // A visible hint above it says so, and names the columns out of view (on a phone, the result
  // columns of a wide table); a code block's hint offers to wrap its long lines instead.
  function markScrollables() {
    document.querySelectorAll("pre, table").forEach(function (el) {
      const over = el.scrollWidth > el.clientWidth + 1;
      if (over) {
        if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
      } else if (el.getAttribute("tabindex") === "0") {
        el.removeAttribute("tabindex");
      }
      scrollHint(el, over);
    });
    // the width these hints were written for (a browser test waits for it after a resize)
    document.documentElement.setAttribute("data-scroll-measured", String(document.documentElement.clientWidth));
  }
  function scrollHint(el, over) {
    const before = el.previousElementSibling;
    let hint = before && before.classList.contains("scroll-hint") ? before : null;
    const wrapped = el.classList.contains("wrapped");
    if (!over && !wrapped) {
      if (hint) hint.remove();
      return;
    }
    if (!hint) {
      hint = document.createElement("p");
      hint.className = "scroll-hint";
      hint.appendChild(document.createElement("span"));
      if (el.tagName === "PRE") hint.appendChild(wrapButton(el));
      el.before(hint);
      el.addEventListener("scroll", function () { sayHidden(el, hint); }, { passive: true });
    }
    sayHidden(el, hint);
  }
  function wrapButton(pre) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "wrap-lines";
    button.textContent = "Wrap lines";
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      const wrap = !pre.classList.contains("wrapped");
      pre.classList.toggle("wrapped", wrap);
      button.setAttribute("aria-pressed", String(wrap));
      markScrollables();
    });
    return button;
  }
  function sayHidden(el, hint) {
    const text = hint.firstChild;
    if (el.tagName === "PRE") {
      text.textContent = el.classList.contains("wrapped")
        ? "Long lines wrapped."
        : "Long lines: scroll sideways →";
      return;
    }
    const box = el.getBoundingClientRect();
    const left = [], right = [];
    el.querySelectorAll("thead th").forEach(function (th) {
      const r = th.getBoundingClientRect();
      if (r.right > box.right + 1) right.push(th.textContent);
      else if (r.left < box.left - 1) left.push(th.textContent);
    });
    const parts = [];
    if (left.length) parts.push("← " + left.join(", "));
    if (right.length) parts.push(right.join(", ") + " →");
    text.textContent = parts.length
      ? "Scroll sideways for " + parts.join(" and ")
      : "Scroll sideways: this table is wider than the page →";
  }

  // ---- the table of contents marks the section being read ----
  function followSections() {
    const links = Array.prototype.slice.call(document.querySelectorAll("nav.toc a[href^='#']"));
    const targets = links.map(function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); });
    if (links.length === 0) return;
    let queued = false;
    function mark() {
      queued = false;
      let current = -1;
      const line = window.innerHeight * 0.3;
      targets.forEach(function (heading, i) {
        if (heading && heading.getBoundingClientRect().top <= line) current = i;
      });
      links.forEach(function (a, i) {
        if (i === current) a.setAttribute("aria-current", "location");
        else a.removeAttribute("aria-current");
      });
    }
    window.addEventListener("scroll", function () {
      if (!queued) { queued = true; requestAnimationFrame(mark); }
    }, { passive: true });
    mark();
  }
  // a table inside closed <details> (a chart's numbers, a kept run) is measured when it opens
  document.addEventListener("toggle", function (event) {
    if (event.target.open && event.target.querySelector("table, pre")) markScrollables();
  }, true);
  let resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(markScrollables, 150);
  });

  // ---- copy buttons ----
  function setUpCopyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        const block = button.closest(".code-block");
        const code = block && block.querySelector("pre");
        if (!code) return;
        const text = code.innerText;
        const done = function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(code, done); });
        } else {
          fallbackCopy(code, done);
        }
      });
    });
  }
  function fallbackCopy(element, done) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
  }

  // ---- live panels ----
  function setUpPanel(panel) {
    const id = panel.getAttribute("data-experiment") || panel.getAttribute("data-check");
    const isCheck = panel.hasAttribute("data-check");
    const form = panel.querySelector("form.panel-form");
    const runButton = panel.querySelector("button.run");
    const stopButton = panel.querySelector("button.stop");
    const results = panel.querySelector(".results");
    const progressBox = panel.querySelector(".run-progress");
    const progressBar = progressBox.querySelector("progress");
    const progressLabel = progressBox.querySelector(".progress-label");
    let source = null;
    let cancelUrl = null;

    function clearErrors() {
      panel.querySelectorAll(".field-error").forEach(function (el) { el.hidden = true; el.textContent = ""; });
      panel.querySelectorAll("input[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    }
    function showError(message, field) {
      const fieldBox = field ? panel.querySelector('[data-field="' + CSS.escape(field) + '"]') : null;
      if (fieldBox) {
        const error = fieldBox.querySelector(".field-error");
        error.textContent = message;
        error.hidden = false;
        const input = fieldBox.querySelector("input");
        input.setAttribute("aria-invalid", "true");
        input.focus();
      } else {
        appendHtml('<div class="event-error" role="alert"></div>').textContent = message;
      }
    }
    function appendHtml(html) {
      const holder = document.createElement("div");
      holder.innerHTML = html;
      const node = holder.firstElementChild || holder;
      results.appendChild(node);
      if (node.querySelector && node.querySelector("table, pre")) markScrollables();
      return node;
    }
    function setRunning(running) {
      // keep keyboard focus on the live control: Run hands it to Stop and gets it back
      const hadFocus = document.activeElement === (running ? runButton : stopButton)
        || (!running && document.activeElement === document.body);
      runButton.disabled = running;
      stopButton.disabled = !running;
      panel.setAttribute("aria-busy", running ? "true" : "false");
      if (running) {
        progressBar.removeAttribute("value");
        progressLabel.textContent = "Running…";
        progressBox.hidden = false;
      } else {
        progressBox.hidden = true;
      }
      if (hadFocus) (running ? stopButton : runButton).focus();
    }
    function finish(label) {
      if (source) { source.close(); source = null; }
      setRunning(false);
      if (label) {
        const done = appendHtml('<p class="event-done"></p>');
        done.textContent = label;
      }
      panel.dispatchEvent(new CustomEvent("lab:finished", { bubbles: true }));
    }
    function collectParams() {
      const params = {};
      form.querySelectorAll("input[name]").forEach(function (input) {
        params[input.name] = input.type === "checkbox" ? String(input.checked) : input.value;
      });
      return params;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (source) return;
      clearErrors();
      keepPrevious(panel, results);
      setRunning(true);
      fetch("/api/runs", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ experiment: id, params: collectParams() }),
        credentials: "same-origin",
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (response.status !== 201) {
            showError(body.error || ("The lab answered HTTP " + response.status), body.field);
            setRunning(false);
            return;
          }
          cancelUrl = body.cancel;
          listen(body.events, body.types || []);
        });
      }).catch(function () {
        showError("Could not reach the lab. Is it still running in your terminal?", null);
        setRunning(false);
      });
    });

    stopButton.addEventListener("click", function () {
      if (!cancelUrl) return;
      stopButton.disabled = true;
      fetch(cancelUrl, { method: "POST", credentials: "same-origin" }).catch(function () {});
    });

    // types: every event type the run may send, as the lab names them (its answer to the start);
    // progress moves the bar, every other event shows the HTML the lab rendered for it
    function listen(url, types) {
      source = new EventSource(url);
      types.forEach(function (type) {
        source.addEventListener(type, function (message) {
          const data = JSON.parse(message.data);
          if (type === "progress") {
            progressBox.hidden = false;
            progressBar.value = data.event.percent;
            progressLabel.textContent = data.event.label + " " + data.event.percent + "%";
            return;
          }
          if (data.html) decorateEvent(appendHtml(data.html), panel);
          // lesson scripts (browser-lab.js) act on what a run reports, e.g. a port it opened
          panel.dispatchEvent(new CustomEvent("lab:event", { bubbles: true, detail: { kind: type, event: data.event } }));
          if (type === "verdict" && isCheck && data.event && data.event.passed) {
            const lesson = document.querySelector("article.lesson[data-lesson]");
            if (lesson) markDone(lesson.getAttribute("data-lesson"), id);
          }
        });
      });
      source.addEventListener("done", function (message) {
        const data = JSON.parse(message.data);
        finish(doneSentence(data.label, data.millis));
        rememberRun(id, results);
      });
      source.onerror = function () {
        if (source && source.readyState === EventSource.CLOSED) finish(null);
        else if (source) { source.close(); finish("The connection to the lab was lost."); }
      };
    }
  }

  // ---- reading comfort: results that stay, countdowns, copyable commands ----
  // Each panel's last results are kept in localStorage and shown again below it after a reload;
  // a new run moves the previous results below the panel, with their time, to compare.
  const LAST_RUN = "loopback-lab.last-run.v1.";
  const MAX_KEPT_HTML = 200000;
  const KEPT_RUNS = 3;
  function panelId(panel) {
    return panel.getAttribute("data-experiment") || panel.getAttribute("data-check");
  }
  function clockTime(at) {
    return new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }
  function doneSentence(label, millis) {
    const seconds = (millis / 1000).toFixed(2) + " s";
    if (label === "passed") return "Check passed in " + seconds + ".";
    if (label === "not passed") return "Check finished in " + seconds + ": not passed yet.";
    if (label === "failed") return "Run failed after " + seconds + ".";
    return "Run " + label + " in " + seconds + ".";
  }
  function previousRuns(panel) {
    let box = panel.nextElementSibling;
    if (!box || !box.classList.contains("previous-runs")) {
      box = document.createElement("div");
      box.className = "previous-runs";
      panel.after(box);
    }
    return box;
  }
  function keptRun(panel, title, at, nodes, open) {
    const box = previousRuns(panel);
    const run = document.createElement("details");
    run.className = "previous-run";
    run.open = open;
    const summary = document.createElement("summary");
    summary.textContent = title + ", " + clockTime(at);
    run.appendChild(summary);
    nodes.forEach(function (node) { run.appendChild(node); });
    box.prepend(run);
    while (box.children.length > KEPT_RUNS) box.lastElementChild.remove();
  }
  function keepPrevious(panel, results) {
    const at = Number(results.getAttribute("data-run-at")) || Date.now();
    results.setAttribute("data-run-at", String(Date.now()));
    if (!results.firstChild) return;
    keptRun(panel, "Previous run", at, Array.from(results.childNodes), false);
  }
  function rememberRun(id, results) {
    const html = results.innerHTML;
    if (html.length > MAX_KEPT_HTML) return;
    const at = Number(results.getAttribute("data-run-at")) || Date.now();
    try {
      localStorage.setItem(LAST_RUN + id, JSON.stringify({ at: at, html: html }));
    } catch (e) { /* full or private: the results just do not outlive the page */ }
  }
  function restoreRun(panel) {
    let kept = null;
    try { kept = JSON.parse(localStorage.getItem(LAST_RUN + panelId(panel)) || "null"); } catch (e) { kept = null; }
    if (!kept || typeof kept.html !== "string" || !kept.at) return;
    const holder = document.createElement("div");
    holder.innerHTML = kept.html;
    keptRun(panel, "Your last run before this page loaded", kept.at, Array.from(holder.childNodes), true);
  }
  const COMMAND = /^(curl |nc |http:\/\/|Invoke-RestMethod |new java\.net\.Socket)/;
  function decorateEvent(node, panel) {
    if (!node.classList || !node.classList.contains("event-fact")) return;
    const value = node.querySelector(".fact-value");
    const note = node.querySelector(".fact-note");
    const waiting = note && /^waiting (\d+) s$/.exec(note.textContent);
    if (waiting) countDown(note, Number(waiting[1]), panel);
    if (value && (waiting || COMMAND.test(value.textContent))) addCopyButton(node, value);
  }
  function countDown(note, seconds, panel) {
    const end = Date.now() + seconds * 1000;
    note.setAttribute("aria-live", "off");
    const timer = setInterval(function () {
      const left = Math.max(0, Math.round((end - Date.now()) / 1000));
      if (panel.getAttribute("aria-busy") !== "true" || left === 0) {
        clearInterval(timer);
        note.textContent = "waited up to " + seconds + " s";
        return;
      }
      note.textContent = "waiting: " + left + " s left";
    }, 1000);
  }
  function addCopyButton(fact, value) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy copy-fact";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + value.textContent);
    button.addEventListener("click", function () {
      const done = function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value.textContent).then(done, function () { fallbackCopy(value, done); });
      } else {
        fallbackCopy(value, done);
      }
    });
    value.after(button);
  }

  function start() {
    document.querySelectorAll("[data-experiment], [data-check]").forEach(function (panel) {
      if (panel.querySelector("form.panel-form")) {
        setUpPanel(panel);
        restoreRun(panel);
      }
    });
    setUpCopyButtons();
    setUpProgressTools();
    showProgress();
    markScrollables();
    followSections();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
