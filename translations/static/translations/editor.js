// The translation editor: each segment is saved with fetch(), without reloading the page; its QA
// findings are checked again while typing and after each save; translation memory suggestions
// are fetched when their disclosure is first opened.
// Every text shown comes from the server (JSON responses, data attributes): nothing to translate here.
(() => {
  const editor = document.querySelector("[data-tl-editor]");
  if (!editor) return;
  const csrfToken = editor.querySelector("input[name=csrfmiddlewaretoken]").value;
  const CHECK_DELAY = 600; // milliseconds without typing before the live check runs
  const checks = new WeakMap(); // form -> {timer, ticket}: only the latest check is shown

  async function request(url, body) {
    const headers = { Accept: "application/json" };
    const options = { credentials: "same-origin", headers };
    if (body !== undefined) {
      Object.assign(headers, { "Content-Type": "application/json", "X-CSRFToken": csrfToken });
      Object.assign(options, { method: "POST", body: JSON.stringify(body) });
    }
    const response = await fetch(url, options);
    return response.json();
  }

  function showProgress(progress) {
    const bar = document.querySelector("[data-tl-progress]");
    bar.max = progress.total;
    bar.value = progress.done;
    document.querySelector("[data-tl-progress-label]").textContent = progress.label;
  }

  function showState(form, state, label) {
    const badge = form.querySelector("[data-tl-state]");
    badge.className = badge.className.replace(/tl-state--\S+/, `tl-state--${state}`);
    badge.textContent = label;
    form.className = form.className.replace(/tl-segment--(untranslated|fuzzy|machine|translated)/, `tl-segment--${state}`);
    const machine = form.querySelector("[data-tl-machine]");
    if (machine) machine.hidden = state !== "machine";
  }

  function showMessage(form, messages, isError) {
    const box = form.querySelector("[data-tl-message]");
    box.textContent = messages.join(" ");
    box.classList.toggle("tl-segment__message--error", isError);
    form.elements.translation.setAttribute("aria-invalid", isError ? "true" : "false");
  }

  function showConflict(form, current) {
    const box = form.querySelector("[data-tl-conflict]");
    box.querySelector("[data-tl-conflict-text]").textContent = current.translation || box.dataset.emptyText;
    box.hidden = false;
    showState(form, current.state, current.state_label);
    // The next save is a deliberate choice made after seeing their text.
    form.dataset.version = current.version;
  }

  // QA findings

  function findingItem(finding) {
    const item = document.createElement("li");
    item.className = `tl-finding tl-finding--${finding.severity}`;
    const label = document.createElement("strong");
    label.className = "tl-finding__label";
    label.textContent = finding.label;
    const note = document.createElement("span");
    note.className = "tl-finding__note";
    note.textContent = finding.note;
    item.append(label, ` ${finding.message} `, note);
    return item;
  }

  function showFindings(form, findings) {
    const list = form.querySelector("[data-tl-findings]");
    const items = findings.map(findingItem);
    const words = (text) => text.replace(/\s+/g, " ").trim();
    const before = words(list.textContent);
    const after = words(items.map((item) => item.textContent).join(" "));
    if (before !== after) list.replaceChildren(...items); // unchanged findings are not announced again
  }

  // The totals at the top count saved translations: a save moves them by what changed in its segment.
  function updateTotals(form, findings) {
    const errors = findings.some((finding) => finding.severity === "error") ? 1 : 0;
    const warnings = findings.filter((finding) => finding.severity === "warning").length;
    addToTotal("errors", errors - Number(form.dataset.savedErrors));
    addToTotal("warnings", warnings - Number(form.dataset.savedWarnings));
    form.dataset.savedErrors = errors;
    form.dataset.savedWarnings = warnings;
  }

  function addToTotal(name, change) {
    const item = document.querySelector(`[data-tl-total=${name}]`);
    if (!item || !change) return;
    const count = item.querySelector("[data-count]");
    const value = Math.max(0, Number(count.dataset.count) + change);
    count.dataset.count = value;
    count.textContent = value;
    item.classList.toggle(`tl-summary__item--${name}`, value > 0);
  }

  function nextTicket(form) {
    const state = checks.get(form) || { timer: 0, ticket: 0 };
    clearTimeout(state.timer);
    state.ticket += 1;
    checks.set(form, state);
    return state;
  }

  function scheduleCheck(form) {
    const state = nextTicket(form);
    state.timer = setTimeout(() => liveCheck(form, state.ticket), CHECK_DELAY);
  }

  async function liveCheck(form, ticket) {
    try {
      const data = await request(form.dataset.checkUrl, { translation: form.elements.translation.value });
      if (data.ok && checks.get(form).ticket === ticket) showFindings(form, data.findings);
    } catch {
      // The live check only helps: the findings are computed again when the segment is saved.
    }
  }

  // Saving

  async function save(form) {
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    nextTicket(form); // a check still on its way describes older text
    try {
      const data = await request(form.action, {
        translation: form.elements.translation.value,
        version: Number(form.dataset.version),
        needs_review: form.elements.needs_review.checked,
      });
      if (data.ok) {
        form.dataset.version = data.version;
        form.querySelector("[data-tl-conflict]").hidden = true;
        form.classList.remove("tl-segment--dirty");
        showState(form, data.state, data.state_label);
        form.elements.needs_review.checked = data.state === "fuzzy";
        form.dataset.reviewTicked = "";
        showProgress(data.progress);
        showFindings(form, data.findings);
        updateTotals(form, data.findings);
        showMessage(form, [data.message], false);
      } else {
        if (data.conflict) showConflict(form, data.current);
        showMessage(form, data.errors, true);
      }
    } catch {
      showMessage(form, [editor.dataset.errorMessage], true);
    } finally {
      button.disabled = false;
    }
  }

  // Translation memory

  function span(className, text, lang, dir) {
    const element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    if (lang) Object.assign(element, { lang, dir });
    return element;
  }

  function suggestionItem(form, suggestion) {
    const box = form.elements.translation;
    const source = form.querySelector(".tl-segment__text");
    const button = document.createElement("button");
    button.type = "button";
    button.className = `tl-suggestion${suggestion.exact ? " tl-suggestion--exact" : ""}`;
    button.append(
      span("tl-suggestion__score", suggestion.score_label),
      span("tl-suggestion__text", suggestion.text, box.lang, box.dir),
    );
    if (!suggestion.exact) button.append(span("tl-suggestion__source", suggestion.source, source.lang, source.dir));
    if (suggestion.origin) button.append(span("tl-suggestion__origin", suggestion.origin));
    button.addEventListener("click", () => useSuggestion(form, suggestion.text));
    const item = document.createElement("li");
    item.append(button);
    return item;
  }

  // A suggestion is never saved by itself, and it is saved as needing review until someone confirms it.
  function useSuggestion(form, text) {
    const box = form.elements.translation;
    box.value = text;
    form.elements.needs_review.checked = true;
    form.classList.add("tl-segment--dirty");
    showMessage(form, [editor.dataset.insertedMessage], false);
    scheduleCheck(form);
    box.focus();
  }

  async function loadSuggestions(form, details) {
    const body = details.querySelector("[data-tl-suggestions-body]");
    details.dataset.loaded = "true";
    body.textContent = editor.dataset.loadingMessage;
    try {
      const data = await request(details.dataset.url);
      if (!data.ok) throw new Error(data.errors.join(" "));
      if (!data.suggestions.length) {
        body.textContent = data.empty;
        return;
      }
      const list = document.createElement("ul");
      list.className = "tl-suggestions__list";
      list.append(...data.suggestions.map((suggestion) => suggestionItem(form, suggestion)));
      body.replaceChildren(list);
    } catch {
      body.textContent = editor.dataset.suggestionsError;
      delete details.dataset.loaded;
    }
  }

  document.querySelectorAll("form[data-tl-segment]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      save(form);
    });
    form.elements.translation.addEventListener("input", () => {
      form.classList.add("tl-segment--dirty");
      // Editing the text is what resolves a segment that needed review, unless the
      // translator ticks "needing review" themselves.
      if (!form.dataset.reviewTicked) form.elements.needs_review.checked = false;
      scheduleCheck(form);
    });
    form.elements.needs_review.addEventListener("change", () => {
      form.classList.add("tl-segment--dirty");
      form.dataset.reviewTicked = form.elements.needs_review.checked ? "true" : "";
    });
    const details = form.querySelector("[data-tl-suggestions]");
    details.addEventListener("toggle", () => {
      if (details.open && !details.dataset.loaded) loadSuggestions(form, details);
    });
  });

  window.addEventListener("beforeunload", (event) => {
    if (document.querySelector(".tl-segment--dirty")) event.preventDefault();
  });
})();
