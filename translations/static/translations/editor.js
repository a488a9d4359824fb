// The translation editor: each segment is saved with fetch(), without reloading the page.
// Every text shown comes from the server (JSON responses, data attributes): nothing to translate here.
(() => {
  const editor = document.querySelector("[data-tl-editor]");
  if (!editor) return;
  const csrfToken = editor.querySelector("input[name=csrfmiddlewaretoken]").value;

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

  async function save(form) {
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken },
        body: JSON.stringify({
          translation: form.elements.translation.value,
          version: Number(form.dataset.version),
          needs_review: form.elements.needs_review.checked,
        }),
      });
      const data = await response.json();
      if (data.ok) {
        form.dataset.version = data.version;
        form.querySelector("[data-tl-conflict]").hidden = true;
        form.classList.remove("tl-segment--dirty");
        showState(form, data.state, data.state_label);
        form.elements.needs_review.checked = data.state === "fuzzy";
        showProgress(data.progress);
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

  document.querySelectorAll("form[data-tl-segment]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      save(form);
    });
    form.addEventListener("input", () => form.classList.add("tl-segment--dirty"));
  });

  window.addEventListener("beforeunload", (event) => {
    if (document.querySelector(".tl-segment--dirty")) event.preventDefault();
  });
})();
