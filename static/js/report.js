// The committee report's Print button: shown only when this script runs, so it never does nothing.
document.querySelectorAll("[data-report-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
