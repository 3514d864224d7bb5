// Loopback Lab — the learner's workshop page: join a teacher's room from this lab, flags, leave,
// and the list of what was sent. Talks only to this lab (same origin); this lab talks to the room.
"use strict";

(function () {
  const joinForm = document.querySelector("[data-room-join]");
  if (!joinForm) { return; }
  const joined = document.querySelector("[data-room-joined]");
  const status = document.querySelector("[data-room-status]");
  const error = document.querySelector("[data-room-error]");
  const sentList = document.querySelector("[data-room-sent]");

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || ("HTTP " + response.status)); }
        return data;
      });
    });
  }

  function show(state) {
    joined.hidden = !state.joined;
    joinForm.hidden = state.joined;
    status.textContent = state.joined
      ? "Joined " + state.room + " as " + state.nickname + ". Flag: " + flagWords(state.flag) + "."
      : "Not in a room.";
    document.querySelectorAll("[data-room-flag]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-room-flag") === state.flag));
    });
    sentList.replaceChildren();
    (state.sent || []).forEach(function (item) {
      const li = document.createElement("li");
      const when = document.createElement("time");
      when.dateTime = new Date(item.atMillis).toISOString();
      when.textContent = new Date(item.atMillis).toLocaleTimeString();
      const what = document.createElement("code");
      what.textContent = "POST " + item.path + " " + item.body;
      const answer = document.createElement("span");
      answer.textContent = " → " + item.answer;
      li.append(when, " ", what, answer);
      sentList.append(li);
    });
  }

  function flagWords(flag) {
    return flag === "help" ? "needs help" : flag === "done" ? "done" : "none";
  }

  function refresh() {
    fetch("/api/room").then(function (r) { return r.json(); }).then(show).catch(function () {});
  }

  joinForm.addEventListener("submit", function (event) {
    event.preventDefault();
    error.textContent = "";
    const data = new FormData(joinForm);
    post("/api/room/join", { link: data.get("link"), nickname: data.get("nickname") })
      .then(show)
      .catch(function (e) { error.textContent = e.message; });
  });
  document.querySelectorAll("[data-room-flag]").forEach(function (button) {
    button.addEventListener("click", function () {
      post("/api/room/flag", { flag: button.getAttribute("data-room-flag") })
        .then(show)
        .catch(function (e) { status.textContent = e.message; });
    });
  });
  document.querySelector("[data-room-leave]").addEventListener("click", function () {
    post("/api/room/leave").then(show).catch(function (e) { status.textContent = e.message; });
  });

  const open = document.querySelector("[data-room-open]");
  if (open) {
    open.addEventListener("click", function () {
      const said = document.querySelector("[data-room-opened]");
      post("/api/room/open").then(function (room) {
        said.replaceChildren();
        const board = document.createElement("a");
        board.href = room.board;
        board.textContent = "Open the room's board";
        const join = document.createElement("code");
        join.textContent = room.join;
        said.append(board, " — learners join with ", join);
      }).catch(function (e) { said.textContent = e.message; });
    });
  }

  refresh();
  // What is sent changes as checks finish elsewhere in this lab: keep the list current.
  setInterval(refresh, 3000);
})();
