/* presslens HTML report: hover/click details, filters, jump-to-span. Inlined; no network access. */
(function () {
  "use strict";
  var tip = document.getElementById("pl-tip");
  var pinned = null;

  function reportData(section) {
    if (!section.plData) {
      var node = section.querySelector("script.pl-data");
      try { section.plData = node ? JSON.parse(node.textContent) : { findings: [] }; }
      catch (e) { section.plData = { findings: [] }; }
    }
    return section.plData;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function isSpan(v) {
    return v && typeof v === "object" && !Array.isArray(v) && Number.isInteger(v.start) &&
      Number.isInteger(v.end) && typeof v.text === "string";
  }

  function fmtNum(v) {
    if (typeof v === "boolean") { return v ? "yes" : "no"; }
    if (typeof v !== "number" || !isFinite(v)) { return String(v); }
    if (Number.isInteger(v)) { return v.toLocaleString("en-US"); }
    return Math.abs(v) >= 1 ? v.toLocaleString("en-US", { maximumSignificantDigits: 4 }) : String(+v.toPrecision(4));
  }

  function desc(v, depth) {
    depth = depth || 0;
    if (v === null || v === undefined) { return "\u2014"; }
    if (typeof v === "number" || typeof v === "boolean") { return fmtNum(v); }
    if (typeof v === "string") { return v; }
    if (isSpan(v)) {
      var t = v.type || v.label;
      return typeof t === "string" && t ? v.text + " (" + t + ")" : v.text;
    }
    if (Array.isArray(v)) {
      return v.length ? v.map(function (x) { return desc(x, depth + 1); }).join("; ") : "\u2014";
    }
    if (typeof v === "object") {
      if (depth > 2) { return "{\u2026}"; }
      var parts = Object.keys(v).map(function (k) { return k + ": " + desc(v[k], depth + 1); });
      return parts.length ? parts.join(", ") : "\u2014";
    }
    return String(v);
  }

  function clip(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }

  function allIdsOf(node) {
    var raw = node.getAttribute("data-f") || "";
    return raw.split(" ").filter(function (x) { return x !== ""; }).map(Number);
  }

  /* Ids of the findings a highlight shows now: candidates (score < 0.5) only while they are switched on. */
  function idsOf(node) {
    var ids = allIdsOf(node);
    var section = node.closest && node.closest(".pl-report");
    if (!section || section.classList.contains("show-cand")) { return ids; }
    var data = reportData(section);
    return ids.filter(function (i) { return !(data.findings[i] && data.findings[i].candidate); });
  }

  function live(node) { return idsOf(node).length > 0; }

  function findingBlock(data, f) {
    var box = el("div", "pl-tf");
    var head = el("div", "pl-th");
    head.appendChild(el("span", "pl-kind " + f.kind, data.kindTitles[f.kind] || f.kind));
    head.appendChild(el("span", "pl-name", f.name));
    head.appendChild(el("span", "pl-score", "score " + f.score.toFixed(2)));
    box.appendChild(head);
    var def = data.definitions[f.label];
    if (f.kind === "technique" && def) { box.appendChild(el("div", "pl-def", def)); }
    box.appendChild(el("div", "", "\u201c" + clip(f.text, 240) + "\u201d"));
    var keys = Object.keys(f.attributes || {});
    if (keys.length) {
      var dl = el("dl", "pl-attrs");
      keys.forEach(function (k) {
        dl.appendChild(el("dt", "", k.replace(/_/g, " ")));
        dl.appendChild(el("dd", "", clip(desc(f.attributes[k]), 300)));
      });
      box.appendChild(dl);
    }
    box.appendChild(el("div", "pl-sent", "analyzer: " + f.analyzer));
    return box;
  }

  function fill(section, node, isPinned) {
    var data = reportData(section);
    tip.textContent = "";
    if (isPinned) {
      var close = el("button", "pl-close", "\u00d7");
      close.type = "button";
      close.setAttribute("aria-label", "Close details");
      close.addEventListener("click", function (ev) { ev.stopPropagation(); unpin(); });
      tip.appendChild(close);
    }
    idsOf(node).forEach(function (i) {
      var f = data.findings[i];
      if (f) { tip.appendChild(findingBlock(data, f)); }
    });
    var sent = node.getAttribute("data-s");
    if (sent !== null && data.sentences && data.sentences[sent] !== undefined) {
      tip.appendChild(el("div", "pl-sent", "sentence propaganda probability: " + data.sentences[sent].toFixed(2)));
    }
  }

  function place(node) {
    tip.hidden = false;
    var r = node.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(Math.max(8, r.left), window.innerWidth - w - 8);
    var top = r.bottom + 8;
    if (top + h > window.innerHeight - 8 && r.top - h - 8 > 8) { top = r.top - h - 8; }
    tip.style.left = left + "px";
    tip.style.top = Math.max(8, top) + "px";
  }

  function markSelected(section, ids, on) {
    section.querySelectorAll(".hl").forEach(function (n) {
      var hit = on && idsOf(n).some(function (i) { return ids.indexOf(i) >= 0; });
      n.classList.toggle("sel", hit);
    });
  }

  function show(node, pin) {
    var section = node.closest(".pl-report");
    if (!section) { return; }
    fill(section, node, pin);
    tip.classList.toggle("pinned", !!pin);
    place(node);
    if (pin) {
      if (pinned) { markSelected(pinned.section, [], false); }
      pinned = { section: section, node: node };
      markSelected(section, idsOf(node), true);
    }
  }

  function hide() { if (!pinned) { tip.hidden = true; } }

  function unpin() {
    if (pinned) { markSelected(pinned.section, [], false); }
    pinned = null;
    tip.classList.remove("pinned");
    tip.hidden = true;
  }

  function goTo(section, id) {
    var target = null;
    section.querySelectorAll(".hl").forEach(function (n) {
      if (!target && idsOf(n).indexOf(id) >= 0) { target = n; }
    });
    if (!target) { return; }
    target.scrollIntoView({ block: "center", behavior: "smooth" });
    target.classList.remove("flash");
    void target.offsetWidth;
    target.classList.add("flash");
    window.setTimeout(function () { show(target, true); }, 350);
  }

  document.querySelectorAll(".pl-report .hl[title]").forEach(function (n) { n.removeAttribute("title"); });

  document.addEventListener("mouseover", function (ev) {
    var node = ev.target.closest && ev.target.closest(".hl");
    if (node && !pinned && live(node)) { show(node, false); }
  });
  document.addEventListener("mouseout", function (ev) {
    var node = ev.target.closest && ev.target.closest(".hl");
    if (node && !(ev.relatedTarget && node.contains(ev.relatedTarget))) { hide(); }
  });
  document.addEventListener("click", function (ev) {
    if (tip.contains(ev.target)) { return; }
    var node = ev.target.closest(".hl");
    if (node && live(node)) { show(node, true); ev.preventDefault(); return; }
    var item = ev.target.closest("[data-goto]");
    if (item) {
      var section = item.closest(".pl-report");
      if (section) { goTo(section, Number(item.getAttribute("data-goto"))); ev.preventDefault(); }
      return;
    }
    unpin();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { unpin(); return; }
    if (ev.key !== "Enter" && ev.key !== " ") { return; }
    var node = document.activeElement;
    if (!node || !node.closest) { return; }
    if (node.classList.contains("hl") && live(node)) { show(node, true); ev.preventDefault(); }
    else if (node.hasAttribute("data-goto")) { node.click(); ev.preventDefault(); }
  });
  document.addEventListener("focusin", function (ev) {
    if (ev.target.classList && ev.target.classList.contains("hl") && !pinned && live(ev.target)) {
      show(ev.target, false);
    }
  });
  document.addEventListener("change", function (ev) {
    var box = ev.target;
    var kind = box.getAttribute && box.getAttribute("data-kind");
    var section = box.closest && box.closest(".pl-report");
    if (kind && section) { section.classList.toggle("on-" + kind, box.checked); }
    if (box.getAttribute && box.getAttribute("data-candidates") && section) {
      section.classList.toggle("show-cand", box.checked);
      if (!box.checked) { unpin(); }
    }
  });
  window.addEventListener("scroll", function () {
    if (pinned) { place(pinned.node); } else { tip.hidden = true; }
  }, { passive: true });
})();
