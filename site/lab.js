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
  function markScrollables() {
    document.querySelectorAll("pre, table").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
      } else if (el.getAttribute("tabindex") === "0") {
        el.removeAttribute("tabindex");
      }
    });
  }
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
      results.innerHTML = "";
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
          if (data.html) appendHtml(data.html);
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
        finish("Run " + data.label + " in " + (data.millis / 1000).toFixed(2) + " s.");
      });
      source.onerror = function () {
        if (source && source.readyState === EventSource.CLOSED) finish(null);
        else if (source) { source.close(); finish("The connection to the lab was lost."); }
      };
    }
  }

  function start() {
    document.querySelectorAll("[data-experiment], [data-check]").forEach(function (panel) {
      if (panel.querySelector("form.panel-form")) setUpPanel(panel);
    });
    setUpCopyButtons();
    setUpProgressTools();
    showProgress();
    markScrollables();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
