// Loaded on every page. A form page with errors opens on its summary, so keyboard and screen reader users start
// at the list of problems (GOV.UK's error summary pattern); the summary has tabindex="-1" to take the focus.
const errorSummary = document.querySelector("[data-error-summary]");
if (errorSummary) {
  errorSummary.focus();
}
