// Loopback Lab — syntax colours for the Java and shell code of lessons, JShell cells and scripts.
//
// Why highlight.js in the browser rather than at render time in Java: no Java library of its
// standing is kept up for this (the maintained ones are editors' tokenizers), while highlight.js is
// small, widely used and kept, and its ES modules let the lab ship only the core and the six
// languages its pages use (vendor/highlight, pinned, with its licence; nothing comes from the
// internet). It only adds <span class="hljs-…"> inside <code>: the text, the copy buttons
// (innerText) and the CSP (no inline script or style) are untouched; colours are in lab.css.
import hljs from "./vendor/highlight/core.js";
import java from "./vendor/highlight/languages/java.js";
import bash from "./vendor/highlight/languages/bash.js";
import shell from "./vendor/highlight/languages/shell.js";
import powershell from "./vendor/highlight/languages/powershell.js";
import yaml from "./vendor/highlight/languages/yaml.js";
import sql from "./vendor/highlight/languages/sql.js";

hljs.registerLanguage("java", java);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("shell", shell);
hljs.registerLanguage("powershell", powershell);
hljs.registerLanguage("yaml", yaml);
hljs.registerLanguage("sql", sql);
hljs.registerAliases(["sh", "zsh"], { languageName: "bash" });
hljs.registerAliases(["console"], { languageName: "shell" });
hljs.registerAliases(["jshell"], { languageName: "java" });
hljs.configure({ throwUnescapedHTML: false, ignoreUnescapedHTML: true });

function colour(code, edited) {
  if (edited) {
    // the text as typed (innerText turns the line breaks an editor may insert into newlines)
    code.textContent = code.innerText;
    delete code.dataset.highlighted;
  }
  hljs.highlightElement(code);
}

function start() {
  document.querySelectorAll("pre > code[class*='language-']").forEach(function (code) {
    const language = /language-([\w-]+)/.exec(code.className)[1];
    if (!hljs.getLanguage(language)) return;
    colour(code, false);
    // A JShell cell is edited in place: colours stay put while typing (rewriting the spans would
    // move the caret) and are laid anew when the cell loses focus.
    code.addEventListener("blur", function () {
      if (code.isContentEditable) colour(code, true);
    });
  });
  document.documentElement.setAttribute("data-highlighted", "");
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
