// Loopback Lab — the lessons' JShell blocks as notebook cells. The cells of a page share one
// JShell session on the lab (a JVM of its own); output streams back as Server-Sent Events and is
// put in with textContent only. No inline script, no library. Running code needs the capability
// the lab printed at start (?jshell=…, then an HttpOnly cookie this script cannot read): the
// lab's /api/jshell/status says whether this browser has it.
"use strict";

(function () {
  function start() {
    const cells = Array.prototype.slice.call(document.querySelectorAll("[data-jshell-cell]"));
    if (cells.length === 0) return;
    const article = document.querySelector("article.lesson[data-lesson]");
    const lessonId = article ? article.getAttribute("data-lesson") : "";
    let session = null;      // the lab's answer to POST /api/jshell/sessions
    let opening = null;      // a promise of it while it is being opened
    let source = null;       // the session's EventSource
    let lastCell = null;     // where session-wide news goes
    const byRun = new Map(); // run number -> cell
    const early = new Map(); // run number -> events that came before the run's number did

    fetch("/api/jshell/status", { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (status) {
        if (!status.allowed) {
          cells.forEach(function (cell) { cell.querySelector(".cell-note").textContent = status.message; });
          return;
        }
        cells.forEach(function (cell, i) { enable(cell, i === 0 ? status : null); });
        // Start the page's JShell now, so the first Run finds its JVM up.
        ensureSession().catch(function () { /* said when Run is pressed */ });
      })
      .catch(function () { /* the lab is gone: the cells stay copyable code */ });

    function enable(cell, status) {
      const code = cell.querySelector("pre > code");
      try { code.contentEditable = "plaintext-only"; } catch (e) { code.contentEditable = "true"; }
      code.setAttribute("role", "textbox");
      code.setAttribute("aria-multiline", "true");
      code.setAttribute("aria-label", "JShell code (editable; Ctrl+Enter runs it)");
      code.setAttribute("spellcheck", "false");
      ["cell-run", "cell-stop", "cell-reset"].forEach(function (name) {
        cell.querySelector("button." + name).hidden = false;
      });
      const note = cell.querySelector(".cell-note");
      note.textContent = status
        ? "Edit and Run: the cells of this page share one JShell, a JVM of its own on this machine. "
          + "A snippet may run " + status.snippetSeconds + " s, a cell shows up to " + status.outputKiB
          + " KiB of output, and the JShell ends after " + status.idleMinutes
          + " min without a Run or when this tab closes."
        : "";
      note.hidden = !status;
      cell.querySelector("button.cell-run").addEventListener("click", function () { run(cell); });
      cell.querySelector("button.cell-stop").addEventListener("click", function () { stop(cell); });
      cell.querySelector("button.cell-reset").addEventListener("click", function () { reset(cell); });
      code.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey || event.shiftKey)) {
          event.preventDefault();
          run(cell);
        }
      });
    }

    function post(url, body) {
      return fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body || {}),
        credentials: "same-origin",
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { status: response.status, body: json };
        });
      });
    }

    function ensureSession() {
      if (session) return Promise.resolve(session);
      if (opening) return opening;
      opening = post("/api/jshell/sessions", { lesson: lessonId }).then(function (answer) {
        opening = null;
        if (answer.status !== 201) throw new Error(answer.body.error || ("The lab answered HTTP " + answer.status));
        session = answer.body;
        listen(session);
        return session;
      }, function (e) {
        opening = null;
        throw new Error("Could not reach the lab. Is it still running in your terminal?");
      });
      return opening;
    }

    function listen(s) {
      source = new EventSource(s.events);
      ["out", "err", "value", "exception", "diagnostic", "notice", "done", "state"].forEach(function (type) {
        source.addEventListener(type, function (message) {
          const data = JSON.parse(message.data);
          if (data.run === 0) { sessionNews(data); return; }
          const cell = byRun.get(data.run);
          if (cell) show(cell, data);
          else {
            if (!early.has(data.run)) early.set(data.run, []);
            early.get(data.run).push(data);
          }
        });
      });
      source.addEventListener("gone", function () { ended("This page's JShell has ended."); });
      source.onerror = function () {
        if (session === s) ended("The connection to the lab was lost; the next Run starts a fresh JShell.");
      };
    }

    function sessionNews(data) {
      if (data.state === "ended") { ended(data.text); return; }
      // "starting" matters to a cell waiting for its output; "ready" replaces it
      byRun.forEach(function (cell) {
        if (cell.getAttribute("aria-busy") === "true") {
          const output = cell.querySelector(".cell-output");
          let line = output.querySelector(".cell-starting");
          if (data.state === "starting") {
            if (!line) line = append(cell, "p", "cell-notice cell-starting");
            line.textContent = data.text;
          } else if (line) {
            line.remove();
          }
        }
      });
    }

    function ended(message) {
      if (source) { source.close(); source = null; }
      session = null;
      byRun.forEach(function (cell, run) {
        if (cell.getAttribute("aria-busy") === "true") {
          append(cell, "p", "cell-notice").textContent = message;
          setRunning(cell, false);
        }
        byRun.delete(run);
      });
      if (lastCell && lastCell.getAttribute("aria-busy") !== "true") {
        const output = lastCell.querySelector(".cell-output");
        if (!output.hidden) append(lastCell, "p", "cell-notice").textContent = message;
      }
    }

    function run(cell) {
      if (cell.getAttribute("aria-busy") === "true") return;
      const code = cell.querySelector("pre > code").innerText;
      const output = cell.querySelector(".cell-output");
      output.textContent = "";
      output.hidden = false;
      lastCell = cell;
      setRunning(cell, true);
      ensureSession().then(function (s) {
        return post(s.cells, { code: code }).then(function (answer) {
          if (answer.status !== 202) {
            if (answer.status === 404) { session = null; if (source) { source.close(); source = null; } }
            throw new Error(answer.body.error || ("The lab answered HTTP " + answer.status));
          }
          cell.setAttribute("data-run", String(answer.body.run));
          byRun.set(answer.body.run, cell);
          (early.get(answer.body.run) || []).forEach(function (data) { show(cell, data); });
          early.delete(answer.body.run);
        });
      }).catch(function (e) {
        append(cell, "p", "cell-notice").textContent = e.message;
        setRunning(cell, false);
      });
    }

    function stop(cell) {
      if (!session) return;
      cell.querySelector("button.cell-stop").disabled = true;
      post(session.stop).catch(function () {});
    }

    function reset(cell) {
      if (!session) { ensureSession().catch(function () {}); return; }
      post(session.reset).then(function () {
        cells.forEach(function (c) {
          const output = c.querySelector(".cell-output");
          if (c.getAttribute("aria-busy") !== "true") { output.textContent = ""; output.hidden = true; }
        });
        const output = cell.querySelector(".cell-output");
        output.hidden = false;
        append(cell, "p", "cell-notice").textContent =
          "A fresh JShell is starting: the variables of the cells run before are gone.";
      }).catch(function () {});
    }

    function setRunning(cell, running) {
      const runButton = cell.querySelector("button.cell-run");
      const stopButton = cell.querySelector("button.cell-stop");
      const hadFocus = document.activeElement === (running ? runButton : stopButton);
      runButton.disabled = running;
      stopButton.disabled = !running;
      cell.setAttribute("aria-busy", running ? "true" : "false");
      if (hadFocus) (running ? stopButton : runButton).focus();
    }

    function append(cell, tag, className) {
      const element = document.createElement(tag);
      element.className = className;
      cell.querySelector(".cell-output").appendChild(element);
      return element;
    }

    function show(cell, data) {
      const output = cell.querySelector(".cell-output");
      const last = output.lastElementChild;
      switch (data.type) {
        case "out":
        case "err": {
          const className = "cell-" + data.type;
          const pre = last && last.tagName === "PRE" && last.className === className ? last : append(cell, "pre", className);
          pre.textContent += data.text;
          break;
        }
        case "value":
          append(cell, "div", "cell-value").textContent = data.text;
          break;
        case "exception": {
          const pre = append(cell, "pre", "cell-exception");
          pre.textContent = ["Exception " + data.text].concat(data.frames.map(function (f) { return "    " + f; })).join("\n");
          break;
        }
        case "diagnostic": {
          const pre = append(cell, "pre", "cell-diagnostic");
          pre.appendChild(document.createTextNode(
            "line " + data.line + ", column " + data.column + ": " + (data.error ? "error: " : "warning: ") + data.text + "\n"));
          const from = Math.max(0, data.column - 1);
          const to = Math.min(data.source.length, from + Math.max(1, data.length));
          pre.appendChild(document.createTextNode(data.source.slice(0, from)));
          const mark = document.createElement("mark");
          mark.textContent = data.source.slice(from, to);
          pre.appendChild(mark);
          pre.appendChild(document.createTextNode(data.source.slice(to) + "\n" + " ".repeat(from) + "^".repeat(Math.max(1, to - from))));
          break;
        }
        case "notice":
          append(cell, "p", "cell-notice").textContent = data.text;
          break;
        case "done": {
          const starting = output.querySelector(".cell-starting");
          if (starting) starting.remove();
          const words = { ok: "Ran", error: "Stopped at an error", stopped: "Stopped", ended: "Ended", skipped: "Skipped" };
          append(cell, "p", "cell-done").textContent =
            (words[data.outcome] || data.outcome) + " in " + (data.millis / 1000).toFixed(2) + " s.";
          setRunning(cell, false);
          cell.setAttribute("data-outcome", data.outcome);
          cell.dispatchEvent(new CustomEvent("lab:cell-done", { bubbles: true, detail: data }));
          break;
        }
        default:
          break;
      }
    }

    window.addEventListener("pagehide", function () {
      // The stream closing ends the session too; this says it at once.
      if (session && navigator.sendBeacon) {
        navigator.sendBeacon(session.close, new Blob(["{}"], { type: "application/json" }));
      }
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { session = null; source = null; }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
