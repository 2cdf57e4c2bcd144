// Comfort only: every page works without JavaScript (plain links and a GET form).
// - results update as you type (debounced), the URL following along (the words as typed);
//   while a word is being typed (no space after it) it is read as the start of a word
//   (complete=1: karnav finds Karnavian), and Enter searches the words as typed;
// - "/" focuses the search box; changing the sort applies it;
// - on a phone the filter panel starts folded;
// - on an article page, "n" and "p" step through the marked matches;
// - Back or Forward to a results page puts its form in line with its URL.
"use strict";

const TYPE_DELAY_MS = 250;
const PHONE = "(max-width: 760px)";

function searchUrl(form) {
  const params = new URLSearchParams(new FormData(form));
  for (const [key, value] of [...params.entries()]) {
    if (value === "" || (key === "sort" && value === "relevance")) params.delete(key);
  }
  const query = params.toString();
  return form.action.split("?")[0] + (query ? "?" + query : "");
}

function foldFiltersOnPhone(root) {
  const filters = root.querySelector("#filters");
  if (filters && window.matchMedia(PHONE).matches) filters.open = false;
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
  let last = box.value.trim() + " ";
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = box.value.trim();
      // A word followed by a space is finished; the last word without one is being typed.
      const typing = text !== "" && !/\s$/.test(box.value);
      const key = text + (typing ? "" : " ");
      if (key === last) return;
      last = key;
      const url = searchUrl(form);
      const fetched = typing ? url + (url.includes("?") ? "&" : "?") + "complete=1" : url;
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
        document.title = page.title;
        history.replaceState(null, "", url);
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
  if (!marks.length) return;
  let index = -1;
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== "n" && event.key !== "p") return;
    if (index >= 0) marks[index].classList.remove("current");
    index = (index + (event.key === "n" ? 1 : -1) + marks.length) % marks.length;
    marks[index].classList.add("current");
    marks[index].scrollIntoView({ block: "center" });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("search-form");
  if (form) {
    const box = form.querySelector("#q");
    const sort = form.querySelector("#sort");
    if (sort) sort.addEventListener("change", () => form.requestSubmit());
    // Leave empty fields out of the URL, so shared links stay short.
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.location.assign(searchUrl(form));
    });
    window.addEventListener("pageshow", (event) => {
      const navigation = performance.getEntriesByType("navigation")[0];
      if (event.persisted || (navigation && navigation.type === "back_forward")) followUrl(form);
    });
    liveSearch(form);
    slashToSearch(box);
    foldFiltersOnPhone(document);
  }
  const body = document.querySelector(".article .body");
  if (body) stepThroughMarks(body);
});
