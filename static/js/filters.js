// Leaves empty fields out of a filter form's URL, so a shared address holds only the chosen filters.
document.querySelectorAll("form.filters").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("input[name], select[name]").forEach(function (field) {
      if (field.value === "") { field.disabled = true; }
    });
  });
});
// Re-enable them if the page is shown again from the back/forward cache.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form.filters [disabled]").forEach(function (field) { field.disabled = false; });
});
