// Loopback Lab — "follow the teacher" on a lesson page. In a room, a learner may choose to follow:
// the page then goes to the teacher's current step, scrolls to it and marks it, until they stop.
// The page asks only its own lab (GET /api/follow); a learner's lab relays the teacher's step, the
// teacher's shared lab gives its own. The answer waits until the step changes, so nothing polls fast.
"use strict";

(function () {
  const article = document.querySelector("article.lesson[data-lesson]");
  if (!article || !window.fetch) return;
  const lesson = article.getAttribute("data-lesson");
  const KEY = "loopback-lab.follow.v1";
  let following = false;
  let version = -1;
  let request = null;
  let bar = null;
  let button = null;
  let status = null;
  let marked = null;

  function wanted() {
    try { return localStorage.getItem(KEY) === "yes"; } catch (e) { return false; }
  }

  function remember(yes) {
    try { if (yes) localStorage.setItem(KEY, "yes"); else localStorage.removeItem(KEY); } catch (e) { /* private mode */ }
  }

  function build() {
    bar = document.createElement("section");
    bar.className = "follow-bar";
    bar.setAttribute("aria-label", "Follow the teacher");
    button = document.createElement("button");
    button.type = "button";
    button.className = "follow-toggle";
    button.setAttribute("aria-pressed", "false");
    button.textContent = "Follow the teacher";
    status = document.createElement("p");
    status.className = "follow-status";
    status.setAttribute("role", "status");
    status.textContent = "The teacher is presenting; follow to go where they are.";
    bar.append(button, status);
    const header = article.querySelector(".lesson-header");
    (header || article).prepend(bar);
    button.addEventListener("click", function () { if (following) stop(); else start(); });
  }

  function unmark() {
    if (marked) {
      marked.classList.remove("followed-step");
      marked.removeAttribute("aria-current");
      marked = null;
    }
  }

  function start() {
    following = true;
    remember(true);
    button.setAttribute("aria-pressed", "true");
    button.textContent = "Stop following";
    bar.classList.add("following");
    document.documentElement.classList.add("following-teacher");
    status.textContent = "Following the teacher…";
    version = -1;
    ask();
  }

  function stop() {
    following = false;
    remember(false);
    if (request) request.abort();
    request = null;
    unmark();
    button.setAttribute("aria-pressed", "false");
    button.textContent = "Follow the teacher";
    bar.classList.remove("following");
    document.documentElement.classList.remove("following-teacher");
    status.textContent = "Not following: this page stays where you put it.";
  }

  function show(step) {
    if (!following) return;
    if (!step.lesson) {
      status.textContent = "Following: the teacher has not started presenting yet.";
      return;
    }
    if (!step.href) {
      status.textContent = "Following: the teacher is on “" + step.title + "”, a lesson this lab does not have.";
      return;
    }
    if (step.lesson !== lesson) {
      status.textContent = "Following: the teacher moved to another lesson; going there…";
      location.assign(step.href + (step.anchor ? "#" + step.anchor : ""));
      return;
    }
    const target = step.anchor ? document.getElementById(step.anchor) : article.querySelector("h1");
    if (target && target !== marked) {
      unmark();
      marked = target;
      target.classList.add("followed-step");
      target.setAttribute("aria-current", "step");
    }
    // at once, not smoothly: a jump is easier to follow on a projector-paced page, and a hidden
    // window (the learner looking at another one) would not animate a smooth scroll at all
    if (target) target.scrollIntoView({ block: "start" });
    status.textContent = "Following the teacher: step " + (step.step + 1) + " of " + step.steps + ", “" + step.title + "”.";
  }

  // One question at a time; the lab answers when the step changes, or after a while with the same.
  function ask() {
    if (!following) return;
    const controller = window.AbortController ? new AbortController() : null;
    request = controller;
    fetch("/api/follow?after=" + version, { cache: "no-store", signal: controller ? controller.signal : undefined })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error("HTTP " + response.status)); })
      .then(function (step) {
        if (!following || request !== controller) return;
        if (!step.available) {
          status.textContent = "This lab is no longer in a room: nothing to follow.";
          return;
        }
        const changed = step.version !== version;
        version = step.version;
        if (changed) show(step);
        ask();
      })
      .catch(function (e) {
        if (!following || request !== controller) return;
        status.textContent = "Following: the lab did not answer; trying again…";
        setTimeout(ask, 3000);
      });
  }

  // A look first (no "after"): is there a room to follow? It starts nothing.
  fetch("/api/follow", { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (step) {
      if (!step || !step.available) return;
      build();
      if (wanted()) start();
    })
    .catch(function () { /* no room: nothing to follow */ });
})();
