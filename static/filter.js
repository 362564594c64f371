// The timeline filter: type, place, date range and free text, over the index
// written at build time (search.js). Without JavaScript the form stays hidden
// and every incident of the page is listed.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.getElementById("timeline");
  if (!form || !list) return;

  // The same folding as sitegen/extract/normalize.py, so "ادلب" finds "إدلب".
  function fold(s) {
    return (s || "")
      .replace(/[\u064B-\u0652\u0670\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
      .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064A")
      .replace(/\u0629/g, "\u0647")
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x660); })
      .replace(/[\u06F0-\u06F9]/g, function (d) { return String(d.charCodeAt(0) - 0x6F0); })
      .toLowerCase();
  }

  function script(src, onload, onerror) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = onload;
    s.onerror = onerror || onload;
    document.head.appendChild(s);
  }

  // The choices and the list of shards are one small script for the whole
  // site (search/facets.js), so the pages need not list every place.
  var facets = null;
  function fill(name, pairs) {
    var select = form.elements[name];
    pairs.forEach(function (kv) {
      var o = document.createElement("option");
      o.value = kv[0];
      o.textContent = kv[1];
      select.appendChild(o);
    });
  }

  // The index is cut by month (search/2020-02.js …); the first search loads
  // them all, each script adding its month to window.SITEGEN_SEARCH.
  var index = null;
  function load(done) {
    if (index) return done(index);
    var shards = facets.shards;
    var left = shards.length;
    function loaded() {
      if (--left > 0) return;
      var parts = window.SITEGEN_SEARCH || {};
      index = [];
      shards.forEach(function (k) { index = index.concat(parts[k] || []); });
      done(index);
    }
    if (!left) { index = []; return done(index); }
    shards.forEach(function (k) {
      script(form.getAttribute("data-index") + k + ".js", loaded);
    });
  }

  function wanted() {
    var f = form.elements;
    return {
      q: fold(f.q.value.trim()).split(/\s+/).filter(Boolean),
      type: f.type.value,
      place: f.place.value,
      from: f.from.value,
      to: f.to.value
    };
  }

  function active(w) {
    return w.q.length || w.type || w.place || w.from || w.to;
  }

  function matches(item, w) {
    if (w.type && item.t !== w.type) return false;
    if (w.place && item.p.indexOf(w.place) < 0) return false;
    // A dated incident matches a range it overlaps; an undated one matches no range.
    if ((w.from || w.to) && !item.s) return false;
    if (w.from && (item.e || item.s) < w.from) return false;
    if (w.to && item.s > w.to) return false;
    for (var i = 0; i < w.q.length; i++) if (item.x.indexOf(w.q[i]) < 0) return false;
    return true;
  }

  var cards = Array.prototype.slice.call(list.querySelectorAll(".incident[data-id]"));
  var status = form.querySelector(".filter-status");
  var elsewhere = form.querySelector(".filter-elsewhere");

  function show(all) {
    cards.forEach(function (c) { c.hidden = false; });
    Array.prototype.forEach.call(list.querySelectorAll("section.month"), function (s) { s.hidden = false; });
    status.textContent = "";
    elsewhere.textContent = "";
  }

  function apply() {
    var w = wanted();
    if (!active(w)) return show();
    load(function (items) {
      var hit = {};
      var count = 0;
      var others = [];
      items.forEach(function (item) {
        if (!matches(item, w)) return;
        hit[item.id] = true;
        count++;
        others.push(item);
      });
      cards.forEach(function (c) { c.hidden = !hit[c.getAttribute("data-id")]; });
      Array.prototype.forEach.call(list.querySelectorAll("section.month"), function (s) {
        s.hidden = !s.querySelector(".incident:not([hidden])");
      });
      var onPage = {};
      cards.forEach(function (c) { onPage[c.getAttribute("data-id")] = true; });
      others = others.filter(function (item) { return !onPage[item.id]; });
      status.textContent = status.getAttribute("data-matches").replace("{n}", count);
      elsewhere.textContent = "";
      if (others.length) {
        var head = document.createElement("li");
        head.className = "head";
        head.textContent = status.getAttribute("data-elsewhere");
        elsewhere.appendChild(head);
        others.slice(0, 50).forEach(function (item) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = form.getAttribute("data-root") + item.u;
          a.textContent = (item.d ? item.d + " — " : "") + item.h;
          li.appendChild(a);
          elsewhere.appendChild(li);
        });
      }
    });
  }

  // Without the facets there is nothing to search: the form stays hidden.
  script(form.getAttribute("data-index") + "facets.js", function () {
    facets = window.SITEGEN_FACETS;
    if (!facets) return;
    fill("type", facets.type);
    fill("place", facets.place);
    form.hidden = false;
  }, function () {});
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(show, 0); });
})();
