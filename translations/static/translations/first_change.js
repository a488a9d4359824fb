// Opened from "Changes since the last approval": a comparison shows a long page in full, with
// its changes marked somewhere inside it. Bring the first change into view, so that a reviewer
// does not have to hunt for a changed dose further down.
(() => {
  const FRAGMENT = "#tl-first-change";
  const show = () => {
    if (window.location.hash !== FRAGMENT) return;
    const marks = document.querySelectorAll("main .deletion, main .addition");
    if (!marks.length) return;
    marks[0].scrollIntoView({ block: "center" });
  };
  // After Wagtail's own scripts, which may restore the scroll position once the page has loaded.
  window.addEventListener("load", () => window.requestAnimationFrame(show));
})();
