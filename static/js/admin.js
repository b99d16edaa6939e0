// The admin's tabular inlines, made to pass our accessibility checks where Django's template has no block to
// change them in. Loaded, deferred, on every admin page by templates/admin/base_site.html (the CSP refuses
// inline scripts). The change list's and the history list's tables get their regions from templates instead.

// A screen reader's words in a column heading Django leaves empty; sighted people see the column's contents.
function giveWordsTo(heading, words) {
  if (!heading || heading.textContent.trim()) return;
  const hidden = document.createElement("span");
  hidden.className = "visually-hidden";
  hidden.textContent = words;
  heading.append(hidden);
}

document.querySelectorAll('.inline-group[data-inline-type="tabular"]').forEach((group) => {
  const title = group.querySelector(".inline-heading");
  // The group scrolls sideways on a narrow screen (Django's responsive.css), so it is a region a keyboard
  // can reach and a screen reader can name after the group's heading (WCAG 1.4.10).
  group.tabIndex = 0;
  group.setAttribute("role", "region");
  if (title) group.setAttribute("aria-labelledby", title.id);
  // The first column holds each saved row's name and change link; the last, the Delete ticks. Rows added
  // later with "Add another" bring no headings, so the headings need words only once.
  const headings = group.querySelectorAll("thead th");
  giveWordsTo(headings[0], title ? title.textContent.trim() : "");
  giveWordsTo(headings[headings.length - 1], "Delete?");
});
