// Loopback Lab — lesson 11: fetch() experiments run in this browser against the lab's second
// origin, which the run "browser-origins" opens. Every row is what this browser did just now; the
// script states nothing it did not observe. It does nothing on pages without those panels.
(function () {
  "use strict";

  function browserName() {
    const data = navigator.userAgentData;
    if (data && data.brands) {
      const brand = data.brands.find(function (b) { return !/Not.A.Brand|Chromium/.test(b.brand); })
        || data.brands.find(function (b) { return b.brand === "Chromium"; });
      if (brand) return brand.brand + " " + brand.version;
    }
    const ua = navigator.userAgent;
    const match = ua.match(/(Firefox|Edg|Chrome|Version)\/([0-9]+)/);
    if (!match) return ua;
    const name = match[1] === "Version" ? "Safari" : match[1] === "Edg" ? "Edge" : match[1];
    return name + " " + match[2];
  }

  function table(panel, caption) {
    const results = panel.querySelector(".results");
    const element = document.createElement("table");
    element.className = "browser-results";
    element.innerHTML = "<caption></caption><thead><tr><th scope=\"col\">what the page tried</th>"
      + "<th scope=\"col\">what this browser did</th></tr></thead><tbody></tbody>";
    element.querySelector("caption").textContent = caption;
    results.appendChild(element);
    return function add(tried, did) {
      const row = document.createElement("tr");
      const a = document.createElement("td");
      const b = document.createElement("td");
      a.textContent = tried;
      b.textContent = did;
      row.appendChild(a);
      row.appendChild(b);
      element.querySelector("tbody").appendChild(row);
    };
  }

  function failed(error) {
    return "refused to the page: " + error.name + (error.message ? " (" + error.message + ")" : "");
  }

  async function read(url, options) {
    try {
      const response = await fetch(url, options || {});
      const body = await response.text();
      return "readable: HTTP " + response.status + ", \"" + body.slice(0, 60) + "\"";
    } catch (error) {
      return failed(error);
    }
  }

  async function header(url, name) {
    try {
      const response = await fetch(url);
      const value = response.headers.get(name);
      return value === null ? name + " hidden from the page (null)" : name + ": " + value;
    } catch (error) {
      return failed(error);
    }
  }

  async function origins(panel, secondUrl) {
    const port = new URL(secondUrl).port;
    const here = location.hostname;
    const otherName = here === "localhost" ? "127.0.0.1" : "localhost";
    const second = "http://" + here + ":" + port;
    const other = "http://" + otherName + ":" + port;
    const add = table(panel, "Measured in this browser (" + browserName() + ")");
    add("this page's origin", location.origin);
    add("window.isSecureContext on this page", String(window.isSecureContext));
    add("GET /favicon.ico on this page's own origin", await read("/favicon.ico"));
    add("GET " + second + "/plain (another port: cross-origin, no CORS headers)",
      await read(second + "/plain"));
    add("GET " + second + "/cors (Access-Control-Allow-Origin names this page)",
      await read(second + "/cors"));
    add("PUT " + second + "/cors with header X-Lab (not a simple request)",
      await read(second + "/cors", { method: "PUT", headers: { "X-Lab": "1" } }));
    add("X-Lab-Secret of " + second + "/expose, not exposed", await header(second + "/expose", "X-Lab-Secret"));
    add("X-Lab-Secret of " + second + "/expose?expose=1 (Access-Control-Expose-Headers)",
      await header(second + "/expose?expose=1", "X-Lab-Secret"));
    add("GET " + second + "/cookie/set with credentials (sets lab_demo)",
      await read(second + "/cookie/set", { credentials: "include" }));
    add("GET " + second + "/cookie/echo with credentials: the cookie it got back",
      await read(second + "/cookie/echo", { credentials: "include" }));
    add("document.cookie of this page (port " + location.port + ") contains lab_demo",
      String(document.cookie.indexOf("lab_demo=") >= 0));
    add("GET " + other + "/cookie/echo with credentials (the other name, same port)",
      await read(other + "/cookie/echo", { credentials: "include" }));
    let zero;
    try {
      await fetch("http://0.0.0.0:" + port + "/plain", { mode: "no-cors" });
      zero = "sent (an opaque answer came back; see what arrived)";
    } catch (error) {
      zero = "not sent: " + failed(error);
    }
    add("GET http://0.0.0.0:" + port + "/plain (mode no-cors)", zero);
    await read(second + "/cookie/clear", { credentials: "include" });
    try {
      await fetch(second + "/done", { method: "POST", mode: "no-cors" });
    } catch (error) {
      // the run ends by itself when its time is up
    }
    panel.setAttribute("data-browser-measured", "true");
  }

  function rebinding(panel, toyUrl) {
    const results = panel.querySelector(".results");
    const list = document.createElement("ul");
    list.className = "browser-links";
    const lab = "http://rebind.localhost:" + location.port + "/";
    [[toyUrl, "the unguarded toy under the name rebind.localhost"],
      [lab, "this lab under the same kind of name"]].forEach(function (pair) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = pair[0];
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.textContent = pair[0];
      item.appendChild(link);
      item.appendChild(document.createTextNode(": " + pair[1]));
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function setUpCheck(panel) {
    const originInput = panel.querySelector("input[name=origin]");
    if (originInput) originInput.value = location.origin;
    const portInput = panel.querySelector("input[name=port]");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "browser-try";
    button.textContent = "Read it from this page";
    const output = document.createElement("p");
    output.className = "browser-try-result";
    output.setAttribute("aria-live", "polite");
    button.addEventListener("click", async function () {
      output.textContent = "…";
      const url = "http://127.0.0.1:" + encodeURIComponent(portInput ? portInput.value : "7011") + "/";
      const plain = await read(url);
      const credentialed = await read(url, { credentials: "include" });
      output.textContent = "fetch(" + url + "): " + plain + ". With credentials: " + credentialed + ".";
    });
    const form = panel.querySelector("form.panel-form");
    form.parentNode.insertBefore(button, form.nextSibling);
    button.parentNode.insertBefore(output, button.nextSibling);
  }

  function start() {
    document.addEventListener("lab:event", function (event) {
      const panel = event.target;
      const detail = event.detail || {};
      if (detail.kind !== "fact" || !detail.event || !panel.getAttribute) return;
      const id = panel.getAttribute("data-experiment");
      if (id === "browser-origins" && detail.event.label === "second origin") {
        origins(panel, detail.event.value);
      } else if (id === "browser-rebinding" && detail.event.label === "toy server") {
        rebinding(panel, detail.event.value);
      }
    });
    document.querySelectorAll("[data-check='browser-cors-yours']").forEach(setUpCheck);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
