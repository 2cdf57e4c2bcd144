// Comfort only: the page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("search-form");
  if (!form) return;
  for (const id of ["sort", "from", "to"]) {
    const el = document.getElementById(id);
    if (el) el.addEventListener("change", () => form.requestSubmit());
  }
});
