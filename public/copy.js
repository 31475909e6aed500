// "Copy" buttons: a button with data-copy="ID" copies the value of the element with that ID;
// data-copied and data-manual are what it then says, in the page's language.
// Without JavaScript the buttons stay hidden and the read-only fields can still be selected.
document.documentElement.setAttribute("data-copy-ready", "");
document.addEventListener("click", async (event) => {
  const button = event.target.closest && event.target.closest("button[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.getAttribute("data-copy"));
  if (!field) return;
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(field.value ?? field.textContent);
    button.textContent = button.dataset.copied || "Copied";
  } catch {
    field.select && field.select();
    button.textContent = button.dataset.manual || "Press Ctrl+C";
  }
  setTimeout(() => { button.textContent = label; }, 2000);
});
