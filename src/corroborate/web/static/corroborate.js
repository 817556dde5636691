/* corroborate: clicks on citations, conflicts and "show" buttons light up the spans they point to.
   One script for the HTML report (inlined, allowed by its CSP hash) and the web app (served from /static).
   No inline handlers: everything is bound here, by delegation on the document. */
(function () {
  "use strict";

  function scopeOf(el) {
    return el.closest(".story") || document;
  }

  function marksFor(scope, ref) {
    // Refs are generated tokens ([a-z0-9-]), safe inside an attribute selector.
    return scope.querySelectorAll('mark[data-a~="' + ref + '"]');
  }

  function clearActive(scope) {
    scope.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    scope.querySelectorAll(".conflict.selected").forEach(function (c) { c.classList.remove("selected"); });
  }

  // Scroll an article column (its own scroll box) so the mark sits in its upper third.
  function scrollColumn(mark) {
    var body = mark.closest(".article-body");
    if (!body) { return; }
    var top = mark.offsetTop;
    body.scrollTop = Math.max(0, top - body.clientHeight / 3);
    var columns = body.closest(".columns");
    var column = body.closest(".column");
    if (columns && column && columns.scrollWidth > columns.clientWidth) {
      var left = column.offsetLeft - columns.offsetLeft;
      if (left < columns.scrollLeft || left + column.offsetWidth > columns.scrollLeft + columns.clientWidth) {
        columns.scrollLeft = left;
      }
    }
  }

  function squash(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  // What is lit up, said above the columns: the conflict's values and explanation, or the clicked item's line.
  function describe(el) {
    if (el.classList.contains("conflict")) {
      var values = el.querySelector(".values");
      var explain = el.querySelector(".explain");
      return squash(values && values.textContent) + " — " + squash(explain && explain.textContent);
    }
    var item = el.closest("li");
    return squash(item ? item.textContent : el.textContent);
  }

  function focusRefs(scope, refs, scrollPage, note) {
    clearActive(scope);
    var first = null;
    refs.forEach(function (ref) {
      var marks = marksFor(scope, ref);
      marks.forEach(function (m) { m.classList.add("active"); });
      if (marks.length) {
        scrollColumn(marks[0]);
        if (!first) { first = marks[0]; }
      }
    });
    var box = scope.querySelector ? scope.querySelector(".focus-note") : null;
    if (box) {
      box.textContent = note || "";  // textContent: article text never becomes markup
      box.hidden = !note;
    }
    if (scrollPage && first) {
      var target = (box && note) ? box : (first.closest(".columns") || first);
      target.scrollIntoView({ block: "start" });
    }
    return first;
  }

  function toggleCite(button) {
    var reveal = document.getElementById(button.getAttribute("aria-controls"));
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (reveal) { reveal.hidden = !open; }
    var scope = scopeOf(button);
    if (open) {
      focusRefs(scope, [button.dataset.ref], false, "");
    } else {
      focusRefs(scope, [], false, "");
    }
  }

  // A conflict's side-by-side view: only one open per story, opened next to the cards.
  function openPair(scope, id) {
    var shown = null;
    scope.querySelectorAll(".pair").forEach(function (pair) {
      pair.hidden = pair.id !== id;
      if (!pair.hidden) { shown = pair; }
    });
    scope.querySelectorAll(".conflict[data-pair]").forEach(function (card) {
      card.setAttribute("aria-expanded", card.dataset.pair === id ? "true" : "false");
    });
    return shown;
  }

  function activate(el) {
    var scope = scopeOf(el);
    var refs = (el.dataset.refs || "").split(" ").filter(Boolean);
    var pair = el.dataset.pair ? openPair(scope, el.dataset.pair) : null;
    // With a side-by-side view the article columns are lit without scrolling there: the view is what to read.
    focusRefs(scope, refs, !pair, describe(el));
    if (el.classList.contains("conflict")) { el.classList.add("selected"); }
    if (pair) { pair.scrollIntoView({ block: "nearest" }); }
  }

  document.addEventListener("click", function (event) {
    var cite = event.target.closest("button.cite");
    if (cite) { toggleCite(cite); return; }
    var close = event.target.closest(".pair-close");
    if (close) {
      var scope = scopeOf(close);
      openPair(scope, "");
      focusRefs(scope, [], false, "");
      return;
    }
    var note = event.target.closest(".focus-note");
    if (note) { focusRefs(scopeOf(note), [], false, ""); return; }
    var target = event.target.closest("[data-refs]");
    if (target) { activate(target); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var card = event.target.closest(".conflict[data-refs], .tl-point[data-refs]");
    if (card && event.target === card) {
      event.preventDefault();
      activate(card);
    }
  });

  // The report's story filter: hide the index entries that do not contain every typed word.
  document.querySelectorAll(".story-filter").forEach(function (input) {
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var nav = input.closest(".story-index");
      var shown = 0;
      nav.querySelectorAll("li[data-search]").forEach(function (li) {
        var hay = li.dataset.search;
        var ok = words.every(function (w) { return hay.indexOf(w) !== -1; });
        li.hidden = !ok;
        if (ok) { shown += 1; }
      });
      var none = nav.querySelector(".no-match");
      if (none) { none.hidden = shown !== 0; }
    });
  });
})();
