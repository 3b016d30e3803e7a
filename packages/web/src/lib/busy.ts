/**
 * A control that waits for a request keeps the focus. `disabled` would drop it to the page's body the moment
 * the request starts, and a keyboard or screen-reader user would lose their place; instead the control says it
 * is unavailable (`aria-disabled`) and a click on it does nothing (no second submit, no toggled box) until the
 * answer is in.
 */
import type { SyntheticEvent } from "react";

function ignore(event: SyntheticEvent) {
  event.preventDefault();
  event.stopPropagation();
}

export function unavailableWhile(busy: boolean) {
  return busy ? { "aria-disabled": true, onClickCapture: ignore } : {};
}
