// Comfort only: every page works without JavaScript (plain links and a GET form).
// - results update as you type (debounced), the URL following along; while a word is being
//   typed (no space after it) it is read as the start of a word (complete=1: karnav finds
//   Karnavian), and the URL says so, as do the page's links; Enter searches the words as
//   typed;
// - "/" focuses the search box; changing the sort applies it (keeping the page's reading of
//   the words while they are unchanged);
// - on a phone the filter panel starts folded, and it stays as the user left it;
// - on an article page, buttons and the "n" and "p" keys step through the marked matches
//   ("3/32"), and "Copy citation" copies the citation shown;
// - a facet list longer than ten entries gets a box to filter it;
// - a date picker beside each date box; dragging across the timeline picks a range;
// - Back or Forward to a results page puts its form in line with its URL.
"use strict";

const TYPE_DELAY_MS = 250;
document.documentElement.classList.add("js");
const PHONE = "(max-width: 760px)";

// The words as the page's results read them: the query whose last word was completed
// (complete=1 in the URL), or null when the words were searched as typed.
let completedQuery = null;

function searchUrl(form, complete = false) {
  const params = new URLSearchParams(new FormData(form));
  for (const [key, value] of [...params.entries()]) {
    if (value === "" || (key === "sort" && value === "relevance")) params.delete(key);
  }
  if (complete && params.get("q")) params.set("complete", "1");
  const query = params.toString();
  return form.action.split("?")[0] + (query ? "?" + query : "");
}

// A sort or a date applied (the sort's change, the Apply button) to a page whose last word
// was completed keeps that reading while the words are the ones it was completed for; Enter
// (or the search button) searches the words as typed.
function keepsCompletion(form, submitter) {
  const applied = !submitter || submitter.classList.contains("secondary");
  return applied && completedQuery !== null && form.querySelector("#q").value.trim() === completedQuery;
}

// The reading of the page's URL: complete=1 (as the server reads it) and its words.
function completionInUrl() {
  const params = new URLSearchParams(window.location.search);
  const complete = ["1", "true", "yes", "on"].includes((params.get("complete") || "").trim().toLowerCase());
  return complete && params.get("q") ? params.get("q").trim() : null;
}

// The filter panel stays as the user left it (open or folded), across searches; on a phone
// it starts folded.
const FILTERS_KEY = "cari-filters-open";

function foldFiltersOnPhone(root) {
  const filters = root.querySelector("#filters");
  if (!filters) return;
  let remembered = null;
  try {
    remembered = sessionStorage.getItem(FILTERS_KEY);
  } catch (error) {
    remembered = null;
  }
  if (remembered !== null) filters.open = remembered === "1";
  else if (window.matchMedia(PHONE).matches) filters.open = false;
  filters.addEventListener("toggle", () => {
    try {
      sessionStorage.setItem(FILTERS_KEY, filters.open ? "1" : "0");
    } catch (error) {
      // storage refused (private mode): the panel simply starts as it would
    }
  });
}

// Results replaced in place are announced to screen readers through one live region.
function announce(region) {
  const status = document.getElementById("live-status");
  const summary = region.querySelector("#summary, .error");
  if (status && summary) status.textContent = summary.textContent.replace(/\s+/g, " ").trim();
}

function liveSearch(form) {
  const box = form.querySelector("#q");
  let timer = null;
  let inflight = null;
  let last = box.value.trim() + (completedQuery === null ? " " : "");
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = box.value.trim();
      // A word followed by a space is finished; the last word without one is being typed.
      const typing = text !== "" && !/\s$/.test(box.value);
      const key = text + (typing ? "" : " ");
      if (key === last) return;
      last = key;
      const fetched = searchUrl(form, typing);
      if (inflight) inflight.abort();
      inflight = new AbortController();
      try {
        const response = await fetch(fetched, { signal: inflight.signal, headers: { Accept: "text/html" } });
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("results-region");
        const current = document.getElementById("results-region");
        if (!fresh || !current || box.value.trim() !== text) return;
        current.replaceWith(fresh);
        announce(fresh);
        foldFiltersOnPhone(fresh);
        facetFilters(fresh);
        document.title = page.title;
        // The address says what the page shows: reloaded or shared, it shows the same.
        completedQuery = typing ? text : null;
        history.replaceState(null, "", fetched);
      } catch (error) {
        if (error.name !== "AbortError") window.location.assign(fetched);
      }
    }, TYPE_DELAY_MS);
  });
}

// Back and Forward can restore a page as it was left (the back-forward cache, or the
// browser's form restoring), with a sort picked or words typed just before leaving: the next
// search would silently carry them. The URL says what the page shows.
function followUrl(form) {
  const params = new URLSearchParams(window.location.search);
  for (const field of form.elements) {
    if (!field.name || !(field.tagName === "SELECT" || field.type === "text" || field.type === "search")) continue;
    const wanted = params.get(field.name);
    if (field.tagName === "SELECT") {
      const fallback = [...field.options].find((o) => o.defaultSelected) || field.options[0];
      field.value = wanted !== null && [...field.options].some((o) => o.value === wanted) ? wanted : fallback.value;
    } else {
      field.value = wanted === null ? "" : wanted;
    }
  }
}

function slashToSearch(box) {
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
}

function stepThroughMarks(body) {
  const marks = [...body.querySelectorAll("mark:not(.quote)")];
  const nav = document.getElementById("match-nav");
  if (!marks.length) return;
  let index = -1;
  const position = document.getElementById("match-position");
  function step(by) {
    if (index >= 0) marks[index].classList.remove("current");
    index = (index + by + marks.length) % marks.length;
    marks[index].classList.add("current");
    marks[index].scrollIntoView({ block: "center" });
    if (position) position.textContent = `${index + 1}/${marks.length}`;
  }
  if (nav) {
    nav.hidden = false;
    document.getElementById("match-next").addEventListener("click", () => step(1));
    document.getElementById("match-prev").addEventListener("click", () => step(-1));
  }
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
    if (event.key !== "n" && event.key !== "p") return;
    step(event.key === "n" ? 1 : -1);
  });
}

function copyCitation() {
  const button = document.getElementById("copy-citation");
  const text = document.getElementById("citation-text");
  if (!button || !text || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(text.textContent.trim());
    button.textContent = button.dataset.copied;
  });
}

// A native date picker beside each date box: the box keeps what people type (1/9/2019,
// September 2019), the picker writes a day into it.
function datePickers(form) {
  for (const box of form.querySelectorAll("#from, #to")) {
    const picker = document.createElement("input");
    picker.type = "date";
    picker.className = "date-pick";
    picker.setAttribute("aria-label", `${form.dataset.pickLabel} (${box.labels[0].firstChild.textContent.trim()})`);
    picker.addEventListener("change", () => {
      if (!picker.value) return;
      const [y, m, d] = picker.value.split("-");
      box.value = `${Number(d)}/${Number(m)}/${y}`;
    });
    box.after(picker);
  }
}

// A facet list longer than ten entries gets a box that narrows it as you type (the folded
// "more" part included, opened while a filter is typed).
const FACET_FILTER_MIN = 10;

function facetFilters(root) {
  for (const group of root.querySelectorAll(".facet-group")) {
    const items = [...group.querySelectorAll("ul.facet > li")];
    if (items.length <= FACET_FILTER_MIN || group.querySelector(".facet-filter")) continue;
    const box = document.createElement("input");
    box.type = "search";
    box.className = "facet-filter";
    box.setAttribute("aria-label", group.dataset.filterLabel);
    box.placeholder = group.dataset.filterLabel;
    box.addEventListener("input", () => {
      const wanted = box.value.trim().toLowerCase();
      for (const item of items) item.hidden = wanted !== "" && !item.textContent.toLowerCase().includes(wanted);
      const more = group.querySelector("details.more");
      if (more && wanted) more.open = true;
    });
    group.querySelector("h2").after(box);
  }
}

// Drag across the timeline's bars to search the range they cover (a click still opens one
// bar). Listened for on the document: live search replaces the timeline.
function brushTimelines() {
  let bars = null;
  let first = null;
  let dragged = false;
  const barAt = (target) => (target.closest ? target.closest(".timeline a.bar[data-from]") : null);
  document.addEventListener("mousedown", (event) => {
    const bar = barAt(event.target);
    if (!bar || event.button !== 0) return;
    event.preventDefault();
    bars = bar.closest(".bars");
    first = bar;
    dragged = false;
    bars.classList.add("brushing");
  });
  document.addEventListener("mouseover", (event) => {
    const bar = barAt(event.target);
    if (!first || !bar || !bars.contains(bar)) return;
    if (bar !== first) dragged = true;
    const all = [...bars.querySelectorAll("a.bar[data-from]")];
    const [lo, hi] = [all.indexOf(first), all.indexOf(bar)].sort((x, y) => x - y);
    all.forEach((b, i) => b.parentElement.classList.toggle("brushed", i >= lo && i <= hi));
  });
  document.addEventListener("mouseup", (event) => {
    if (!first) return;
    const last = barAt(event.target);
    const start = first;
    first = null;
    bars.classList.remove("brushing");
    if (!dragged || !last || !bars.contains(last)) return;
    const dates = [start.dataset.from, start.dataset.to, last.dataset.from, last.dataset.to].sort();
    const params = new URLSearchParams(window.location.search);
    params.set("from", dates[0]);
    params.set("to", dates[3]);
    params.delete("undated");
    params.delete("page");
    window.location.assign(`${window.location.pathname}?${params}`);
  });
  document.addEventListener("click", (event) => {
    if (dragged && barAt(event.target)) {
      event.preventDefault();
      dragged = false;
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("search-form");
  if (form) {
    const box = form.querySelector("#q");
    const sort = form.querySelector("#sort");
    if (sort) sort.addEventListener("change", () => form.requestSubmit());
    // Leave empty fields out of the URL, so shared links stay short.
    completedQuery = completionInUrl();
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.location.assign(searchUrl(form, keepsCompletion(form, event.submitter)));
    });
    window.addEventListener("pageshow", (event) => {
      const navigation = performance.getEntriesByType("navigation")[0];
      if (event.persisted || (navigation && navigation.type === "back_forward")) {
        followUrl(form);
        completedQuery = completionInUrl();
      }
    });
    liveSearch(form);
    slashToSearch(box);
    datePickers(form);
    foldFiltersOnPhone(document);
    facetFilters(document);
  }
  const body = document.querySelector(".article .body");
  if (body) stepThroughMarks(body);
  copyCitation();
  brushTimelines();
});
