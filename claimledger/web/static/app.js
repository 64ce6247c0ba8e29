// claimledger: show what was read from a highlight, and which figures a check relates.
// Text is only ever set through textContent: nothing from a report is parsed as HTML.
"use strict";

const LABELS = {
  layer: "type", value: "value", kind: "kind", unit: "unit", qualifier: "qualifier",
  change: "change", what: "what", period: "period", sources: "source chain",
  term: "term", probability: "probability", hedges: "hedges", checks: "checks",
};

function showDetail(mark) {
  const panel = document.getElementById("detail");
  const list = document.getElementById("detail-list");
  if (!panel || !list) return;
  document.querySelectorAll("mark.hl.selected").forEach((m) => m.classList.remove("selected"));
  mark.classList.add("selected");
  list.replaceChildren();
  const add = (label, value) => {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value;
    list.append(dt, dd);
  };
  const ref = mark.dataset.ref;
  const whole = ref ? document.querySelectorAll(`mark[data-ref="${CSS.escape(ref)}"]`) : [mark];
  add("text", Array.from(whole, (m) => m.textContent).join(""));
  for (const [key, label] of Object.entries(LABELS)) {
    const value = mark.dataset[key];
    if (value) add(label, value);
  }
  panel.hidden = false;
  document.body.classList.add("sheet-open");
  if (window.matchMedia("(max-width: 800px)").matches) {
    // The panel is a bottom sheet here: keep the figure visible above it.
    const sheet = panel.getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    if (box.bottom > sheet.top - 8) window.scrollBy({ top: box.bottom - sheet.top + 24 });
  }
}

function hideDetail() {
  const panel = document.getElementById("detail");
  if (panel) panel.hidden = true;
  document.body.classList.remove("sheet-open");
  document.querySelectorAll("mark.hl.selected").forEach((m) => m.classList.remove("selected"));
}

function relate(item, on) {
  for (const ref of (item.dataset.refs || "").split(" ").filter(Boolean)) {
    document.querySelectorAll(`mark[data-ref="${CSS.escape(ref)}"]`)
      .forEach((m) => m.classList.toggle("related", on));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("report-text");
  if (text) {
    text.addEventListener("click", (e) => {
      const mark = e.target.closest("mark.hl");
      if (mark) { e.stopPropagation(); showDetail(mark); }
    });
    text.addEventListener("keydown", (e) => {
      const mark = e.target.closest("mark.hl");
      if (mark && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); showDetail(mark); }
    });
  }
  const close = document.getElementById("detail-close");
  if (close) close.addEventListener("click", hideDetail);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hideDetail(); });
  document.querySelectorAll(".check[data-refs]").forEach((item) => {
    item.addEventListener("mouseenter", () => relate(item, true));
    item.addEventListener("mouseleave", () => relate(item, false));
    item.addEventListener("focus", () => relate(item, true));
    item.addEventListener("blur", () => relate(item, false));
    item.addEventListener("click", () => {
      const first = (item.dataset.refs || "").split(" ")[0];
      const target = first && document.getElementById(first);
      if (target) { target.scrollIntoView({ block: "center" }); showDetail(target); }
    });
  });
});
