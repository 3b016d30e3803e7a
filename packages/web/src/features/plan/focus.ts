/**
 * Where the cursor goes when the control that had it goes away or a new item appears in the plan editor:
 * into the new item's first field, or after a removal into the item that took its place (the list's add
 * button when none is left). Never the page's body, where a keyboard or screen-reader user would lose their
 * place. Items carry `data-list`, add buttons `data-add`, both named for their list.
 */
const FIELD = "input, select, textarea";

export function focusItem(list: string, index: number | "last"): void {
  // After React has drawn the change.
  requestAnimationFrame(() => {
    const items = document.querySelectorAll<HTMLElement>(`[data-list="${list}"]`);
    const item = index === "last" ? items[items.length - 1] : items[Math.min(index, items.length - 1)];
    const target =
      item?.querySelector<HTMLElement>(FIELD) ?? document.querySelector<HTMLElement>(`[data-add="${list}"]`);
    target?.focus();
  });
}
