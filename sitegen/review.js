// Served only by `sitegen serve --review` (never written into the site): the
// review controls (sitegen/review.py fills in __TYPES__ and __PATH__). Each card
// gets a bar: confirm, reject, merge into, edit; one "undo" for the session. A
// decision is a POST with the session's token; the page reloads when the rebuild
// that the changed overrides file sets off is done (the live-reload script).
(() => {
  "use strict";
  const token = document.currentScript.dataset.token;
  const ar = document.documentElement.lang === "ar";
  const T = (a, e) => (ar ? a : e);
  const TYPES = __TYPES__;
  async function send(body) {
    const r = await fetch("__PATH__", {
      method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({...body, token}),
    });
    const reply = await r.json().catch(() => ({error: r.statusText}));
    if (!r.ok) throw new Error(reply.error || r.statusText);
    return reply;
  }
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    e.append(...kids);
    return e;
  }
  function field(label, input) { return el("label", {}, label + " ", input); }
  function bar(card) {
    const id = card.dataset.id;
    const status = el("span", {class: "review-status", role: "status"});
    const say = (text) => { status.textContent = text; };
    const act = (body) => send({...body, id}).then(
      () => say(T("حُفظ، وتجري إعادة البناء…", "Saved; rebuilding…")),
      (err) => say(T("لم يُحفظ: ", "Not saved: ") + err.message));
    const confirm = el("button", {type: "button", class: "review-confirm", text: T("تأكيد", "Confirm")});
    confirm.onclick = () => act({action: "confirm"});
    const reject = el("button", {type: "button", class: "review-reject", text: T("ليست حادثة", "Reject")});
    reject.onclick = () => act({action: "reject"});
    const merge = el("button", {type: "button", class: "review-merge", text: T("دمج في…", "Merge into…")});
    merge.onclick = () => {
      const into = prompt(T("معرّف الحادثة التي هذه رواية أخرى لها:", "Id of the incident this one tells again:"));
      if (into) act({action: "merge", values: {into: into.trim()}});
    };
    const form = editForm(act);
    const edit = el("button", {type: "button", class: "review-edit", "aria-expanded": "false", text: T("تصحيح…", "Edit…")});
    edit.onclick = () => {
      form.hidden = !form.hidden;
      edit.setAttribute("aria-expanded", String(!form.hidden));
    };
    return el("div", {class: "review-bar", "data-for": id}, confirm, reject, merge, edit, status, form);
  }
  function editForm(act) {
    const start = el("input", {type: "date", name: "start"});
    const end = el("input", {type: "date", name: "end"});
    const precision = el("select", {name: "precision"});
    for (const p of ["day", "week", "month", "year", "range", "approx"]) {
      precision.append(el("option", {value: p, text: p}));
    }
    const type = el("select", {name: "type"}, el("option", {value: "", text: "—"}));
    for (const [key, names] of Object.entries(TYPES)) {
      type.append(el("option", {value: key, text: ar ? names[0] : names[1]}));
    }
    const places = el("input", {type: "text", name: "places", list: "review-places", size: "30"});
    const actors = el("input", {type: "text", name: "actors", size: "30"});
    const killed = el("input", {type: "number", name: "killed", min: "0"});
    const wounded = el("input", {type: "number", name: "wounded", min: "0"});
    const summary = el("input", {type: "text", name: "summary_en", size: "40"});
    const save = el("button", {type: "submit", text: T("حفظ التصحيح", "Save correction")});
    const form = el("form", {class: "review-form"},
      field(T("من", "From"), start), field(T("إلى", "To"), end),
      field(T("الدقة", "Precision"), precision), field(T("النوع", "Type"), type),
      field(T("الأماكن (بفواصل)", "Places (comma-separated)"), places),
      field(T("الأطراف (بفواصل)", "Actors (comma-separated)"), actors),
      field(T("قتلى", "Killed"), killed), field(T("جرحى", "Wounded"), wounded),
      field(T("الملخص بالإنجليزية", "English summary"), summary), save);
    form.hidden = true;
    form.onsubmit = (event) => {
      event.preventDefault();
      const values = {};
      if (start.value) {
        values.date = {start: start.value, end: end.value || start.value, precision: precision.value};
      }
      if (type.value) values.type = type.value;
      if (places.value.trim()) values.places = places.value.split(/[,،]/).map((s) => s.trim()).filter(Boolean);
      if (actors.value.trim()) values.actors = actors.value.split(/[,،]/).map((s) => s.trim()).filter(Boolean);
      if (killed.value !== "") values.killed = Number(killed.value);
      if (wounded.value !== "") values.wounded = Number(wounded.value);
      if (summary.value.trim()) values.summary_en = summary.value.trim();
      act({action: "edit", values});
    };
    return form;
  }
  // The places the site knows, offered as the analyst types (the filter's list).
  function placesList() {
    const list = el("datalist", {id: "review-places"});
    const fill = () => {
      const facets = window.SITEGEN_FACETS;
      if (!facets) return;
      list.replaceChildren();
      for (const [key, name] of facets.place) list.append(el("option", {value: key, label: name}));
    };
    if (window.SITEGEN_FACETS) fill();
    else {
      const lang = location.pathname.split("/")[1] || document.documentElement.lang;
      const script = el("script", {src: `/${lang}/search/facets.js`});
      script.onload = fill;
      document.head.append(script);
    }
    return list;
  }
  // The controls' looks come with them: the site's stylesheet knows nothing of review.
  const STYLE = `
    .review-bar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-block: .5rem; }
    .review-status { font-size: .85rem; }
    .review-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: .5rem .75rem; inline-size: 100%; padding: .75rem; border: 1px solid #bbb; border-radius: 6px; }
    .review-form[hidden] { display: none; }
    .review-form label { display: flex; flex-direction: column; gap: .2rem; font-size: .85rem; }
    .review-form button { justify-self: start; align-self: end; }
    .review-undo-bar { position: fixed; inset-block-end: 1rem; inset-inline-start: 1rem; z-index: 10; }`;
  function start() {
    document.head.append(el("style", {text: STYLE}));
    document.body.append(placesList());
    for (const card of document.querySelectorAll("article.incident[data-id]")) card.append(bar(card));
    const undo = el("button", {type: "button", class: "review-undo", text: T("تراجع عن آخر قرار", "Undo the last decision")});
    undo.onclick = () => send({action: "undo"}).then(() => undo.textContent = T("تم التراجع", "Undone"),
      (err) => undo.textContent = err.message);
    document.body.append(el("div", {class: "review-undo-bar"}, undo));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
