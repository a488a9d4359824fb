// The page editor of a page in another language: its text fields get that language and its
// direction (right to left for Arabic and Urdu), including the rich text editors and the
// fields of StreamField blocks that Wagtail draws after the page has loaded. Only the fields
// that hold the page's text are marked (named in data-fields), not slugs, dates or numbers.
(() => {
  const { lang, dir, fields } = document.currentScript.dataset;
  const form = document.getElementById("page-edit-form");
  if (!form || !lang) return;
  const TEXT = 'input[type="text"], textarea, [contenteditable="true"], .w-field__textoutput';
  const places = fields.split(" ").filter(Boolean).map((name) => `[data-contentpath="${name}"]`);
  if (!places.length) return;

  const selector = places.join(",");

  // Mark the text fields inside ``root``: all of them if it sits in a text field's place,
  // else those in the text fields' places it contains.
  function mark(root) {
    const scopes = root.closest(selector) ? [root] : [...root.querySelectorAll(selector)];
    scopes.forEach((scope) => {
      [scope, ...scope.querySelectorAll(TEXT)]
        .filter((element) => element.matches(TEXT))
        .forEach((field) => Object.assign(field, { lang, dir }));
    });
  }

  mark(form);
  new MutationObserver((changes) => {
    changes.forEach((change) => change.addedNodes.forEach((node) => node.nodeType === 1 && mark(node)));
  }).observe(form, { childList: true, subtree: true });
})();
