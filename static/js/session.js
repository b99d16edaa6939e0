// The idle-session warning (issue 18). The server signs a person out after SESSION_COOKIE_AGE seconds without
// a request; SESSION_WARNING_SECONDS before that, this opens templates/includes/_session_warning.html, which
// offers to stay signed in (a POST that counts as activity) or to sign out. The timings come from the dialog's
// data attributes, worked out by the server from the session itself, so the countdown starts from the truth.
(function () {
  "use strict";

  const dialog = document.querySelector("[data-session-warning]");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  const idleMs = Number(dialog.dataset.idleSeconds) * 1000;
  const warningMs = Number(dialog.dataset.warningSeconds) * 1000;
  const signInUrl = dialog.dataset.signInUrl;
  const warningState = dialog.querySelector('[data-session-state="warning"]');
  const endedState = dialog.querySelector('[data-session-state="ended"]');
  const problem = dialog.querySelector("[data-session-problem]");
  let endsAt = Date.now() + Number(dialog.dataset.secondsLeft) * 1000;
  let timer = null;
  let focusBefore = null;

  function timeOfDay(milliseconds) {
    return new Date(milliseconds).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(warn, Math.max(0, endsAt - warningMs - Date.now()));
  }

  function warn() {
    dialog.querySelector("[data-session-end-time]").textContent = timeOfDay(endsAt);
    problem.hidden = true;
    focusBefore = document.activeElement;
    dialog.showModal();
  }

  // Closing hands the focus back to where it was before the dialog took it.
  function close() {
    dialog.close();
    if (focusBefore && document.contains(focusBefore)) {
      focusBefore.focus();
    }
  }

  // Too late: the dialog now says so, with its own name and description, and offers to sign in again here.
  function showEnded() {
    warningState.hidden = true;
    endedState.hidden = false;
    dialog.setAttribute("aria-labelledby", "session-ended-heading");
    dialog.setAttribute("aria-describedby", "session-ended-text");
    const next = window.location.pathname + window.location.search;
    dialog.querySelector("[data-session-sign-in]").href = signInUrl + "?next=" + encodeURIComponent(next);
    dialog.querySelector("#session-ended-heading").focus();
  }

  function post(form) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      // A redirect is the sign-in page: the session has ended. Not followed, so it is seen as such.
      redirect: "manual",
    });
  }

  async function staySignedIn() {
    let response;
    try {
      response = await post(dialog.querySelector("[data-session-stay]"));
    } catch (error) {
      problem.hidden = false;
      return;
    }
    if (response.status !== 204) {
      showEnded();
      return;
    }
    endsAt = Date.now() + idleMs;
    close();
    schedule();
  }

  // Signing out ends on the sign-in page whether or not the session was still there.
  async function signOut() {
    try {
      await post(dialog.querySelector("[data-session-sign-out]"));
    } finally {
      window.location.assign(signInUrl);
    }
  }

  dialog.querySelector("[data-session-stay]").addEventListener("submit", function (event) {
    event.preventDefault();
    staySignedIn();
  });
  dialog.querySelector("[data-session-sign-out]").addEventListener("submit", function (event) {
    event.preventDefault();
    signOut();
  });
  dialog.querySelector("[data-session-close]").addEventListener("click", close);
  // Escape is someone at the keyboard answering the warning: they stay signed in (as GOV.UK's timeout warning).
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    if (endedState.hidden) {
      staySignedIn();
    } else {
      close();
    }
  });

  schedule();
})();
